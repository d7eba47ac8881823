import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  goalStatusLabels,
  isGoalStatus,
  recoveryApi,
  stepStatusLabels,
  type Goal,
  type GoalStatus,
  type Step,
  type StepOwner,
} from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

function useRefresh(personId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['goals', personId] });
    void qc.invalidateQueries({ queryKey: ['achievements', personId] });
  };
}

/** A goal as the form starts it; sent as it is. */
const kBlankGoal: { title: string; whyItMatters: string; lifeAreaIds: string[] } = {
  title: '',
  whyItMatters: '',
  lifeAreaIds: [],
};

function NewGoal({ personId, isPerson }: { personId: string; isPerson: boolean }) {
  const refresh = useRefresh(personId);
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const add = useForm({
    initial: kBlankGoal,
    submit: (v) => recoveryApi.addGoal(personId, v),
    resetOnSuccess: true,
    onSuccess: refresh,
  });
  return (
    <details>
      <summary>{isPerson ? 'Add a goal in your own words' : 'Add a goal in the person’s words'}</summary>
      <ErrorNotice error={add.error} />
      <form onSubmit={add.onSubmit} noValidate>
        <TextArea label={isPerson ? 'My goal' : 'Their goal'} rows={2} {...add.field('title')} />
        <TextArea label="Why it matters" rows={2} {...add.field('whyItMatters')} />
        <fieldset className="field">
          <legend>Which parts of life it is about</legend>
          <div className="area-choices">
            {(areas.data ?? [])
              .filter((a) => a.active)
              .map((a) => (
                <div className="check" key={a.id}>
                  <input id={`goal-area-${a.id}`} type="checkbox" {...add.choice('lifeAreaIds', a.id)} />
                  <label htmlFor={`goal-area-${a.id}`}>{a.name}</label>
                </div>
              ))}
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={add.pending}>
          Add goal
        </button>
      </form>
    </details>
  );
}

const kBlankStep: { description: string; who: StepOwner; whoName: string; dueOn: string } = {
  description: '',
  who: 'person',
  whoName: '',
  dueOn: '',
};

function NewStep({ personId, goal }: { personId: string; goal: Goal }) {
  const refresh = useRefresh(personId);
  const add = useForm({
    initial: kBlankStep,
    submit: (v) =>
      recoveryApi.addStep(personId, goal.id, { ...v, whoName: v.whoName || undefined, dueOn: v.dueOn || undefined }),
    onSuccess: (_, sent) => {
      // Who does it stays, for the next step of the same kind.
      add.reset({ ...sent, description: '', dueOn: '' });
      refresh();
    },
  });
  const { who } = add.values;
  return (
    <details>
      <summary>
        Add a step<span className="visually-hidden"> toward “{goal.title}”</span>
      </summary>
      <ErrorNotice error={add.error} />
      <form onSubmit={add.onSubmit} noValidate>
        <TextField label="The step" {...add.field('description')} />
        <SelectField label="Who does it" {...add.field('who')}>
          <option value="person">The person</option>
          <option value="worker">A worker</option>
          <option value="supporter">A supporter</option>
          <option value="partner">A partner service</option>
        </SelectField>
        {who !== 'person' && <TextField label="Their name" {...add.field('whoName')} />}
        <TextField label="By when" type="date" {...add.field('dueOn')} />
        <button type="submit" className="primary" disabled={add.pending}>
          Add step
        </button>
      </form>
    </details>
  );
}

function StepRow({ personId, goal, step, canWrite }: { personId: string; goal: Goal; step: Step; canWrite: boolean }) {
  const refresh = useRefresh(personId);
  const mark = useMutation({
    mutationFn: (status: Step['status']) => recoveryApi.updateStep(personId, goal.id, step, { status }),
    onSuccess: refresh,
  });
  const whoLabel =
    step.whoName ||
    { person: 'the person', worker: 'a worker', supporter: 'a supporter', partner: 'a partner service' }[step.who];
  return (
    <li className="step">
      <span>
        {step.status === 'done' ? '✓ ' : ''}
        {step.description}{' '}
        <span className="muted small">
          ({whoLabel}
          {step.dueOn ? `, by ${step.dueOn}` : ''})
        </span>{' '}
        <span className={`tag${step.status === 'done' ? ' ok' : ''}`}>{stepStatusLabels[step.status]}</span>
      </span>
      <ErrorNotice error={mark.error} />
      {canWrite && step.status !== 'done' && (
        <button type="button" onClick={() => mark.mutate('done')} disabled={mark.isPending}>
          Mark done<span className="visually-hidden">: {step.description}</span>
        </button>
      )}
    </li>
  );
}

function Notes({ personId, goal, canWrite }: { personId: string; goal: Goal; canWrite: boolean }) {
  const refresh = useRefresh(personId);
  const add = useForm({
    initial: { note: '' },
    submit: (v) => recoveryApi.addNote(personId, goal.id, v.note),
    resetOnSuccess: true,
    onSuccess: refresh,
  });
  return (
    <details>
      <summary>
        Progress notes ({goal.notes.length})<span className="visually-hidden"> for “{goal.title}”</span>
      </summary>
      <ul className="notes">
        {goal.notes.map((n) => (
          <li key={n.id}>
            <span className="prewrap">{n.note}</span>{' '}
            <span className="muted small">
              — {n.writtenByName ?? 'someone'}, {n.writtenAt.slice(0, 10)}
            </span>
          </li>
        ))}
      </ul>
      {canWrite && (
        <form onSubmit={add.onSubmit} noValidate>
          <ErrorNotice error={add.error} />
          <TextArea label="Add a note" rows={2} {...add.field('note')} name={`note-${goal.id}`} />
          <button type="submit" disabled={add.pending}>
            Save note
          </button>
        </form>
      )}
    </details>
  );
}

function GoalCard({ personId, goal, canWrite }: { personId: string; goal: Goal; canWrite: boolean }) {
  const refresh = useRefresh(personId);
  const status = useMutation({
    mutationFn: (s: GoalStatus) => recoveryApi.updateGoal(personId, goal, { status: s }),
    onSuccess: refresh,
  });
  return (
    <li className="card goal">
      <h3>{goal.title}</h3>
      <p className="muted small">{goal.writtenBy === 'person' ? 'In their own words' : 'Written with a worker'}</p>
      {goal.whyItMatters && <p>Why it matters: {goal.whyItMatters}</p>}
      {canWrite ? (
        <SelectField
          label="Where it is up to"
          name={`status-${goal.id}`}
          value={goal.status}
          onChange={(e) => {
            if (isGoalStatus(e.target.value)) status.mutate(e.target.value);
          }}
          error={status.error}
        >
          {Object.entries(goalStatusLabels).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="tag">{goalStatusLabels[goal.status]}</p>
      )}
      <ErrorNotice error={status.error} />
      {goal.steps.length > 0 && (
        <ul className="steps" aria-label={`Steps toward ${goal.title}`}>
          {goal.steps.map((s) => (
            <StepRow key={`${s.id}-${s.version}`} personId={personId} goal={goal} step={s} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && <NewStep personId={personId} goal={goal} />}
      <Notes personId={personId} goal={goal} canWrite={canWrite} />
    </li>
  );
}

export function GoalsSection({
  personId,
  canWrite,
  isPerson,
}: {
  personId: string;
  canWrite: boolean;
  isPerson: boolean;
}) {
  const goals = useQuery({ queryKey: ['goals', personId], queryFn: () => recoveryApi.goals(personId) });
  const achievements = useQuery({
    queryKey: ['achievements', personId],
    queryFn: () => recoveryApi.achievements(personId),
  });
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title">{isPerson ? 'My goals' : 'Goals'}</h2>
      <ErrorNotice error={goals.error} />
      {(achievements.data ?? []).length > 0 && (
        <div className="celebrate" aria-labelledby="achievements-title">
          <h3 id="achievements-title">Achievements to celebrate</h3>
          <ul>
            {achievements.data!.map((a) => (
              <li key={`${a.kind}-${a.id}`}>
                <span aria-hidden="true">★ </span>
                {a.title}{' '}
                <span className="muted small">
                  ({a.kind === 'goal' ? 'goal achieved' : 'step done'}, {a.achievedAt.slice(0, 10)})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="goals">
        {(goals.data ?? []).map((g) => (
          <GoalCard key={`${g.id}-${g.version}`} personId={personId} goal={g} canWrite={canWrite} />
        ))}
      </ul>
      {goals.data?.length === 0 && <p>No goals yet.</p>}
      {canWrite && <NewGoal personId={personId} isPerson={isPerson} />}
    </section>
  );
}
