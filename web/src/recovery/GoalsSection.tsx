import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { goalStatusLabels, recoveryApi, stepStatusLabels, type Goal, type GoalStatus, type Step } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';

function useRefresh(personId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['goals', personId] });
    void qc.invalidateQueries({ queryKey: ['achievements', personId] });
  };
}

function NewGoal({ personId, isPerson }: { personId: string; isPerson: boolean }) {
  const refresh = useRefresh(personId);
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: () => recoveryApi.addGoal(personId, { title, whyItMatters: why, lifeAreaIds: areaIds }),
    onSuccess: () => {
      setTitle('');
      setWhy('');
      setAreaIds([]);
      refresh();
    },
  });
  return (
    <details>
      <summary>{isPerson ? 'Add a goal in your own words' : 'Add a goal in the person’s words'}</summary>
      <ErrorNotice error={add.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <TextArea label={isPerson ? 'My goal' : 'Their goal'} name="title" rows={2} value={title} onChange={(e) => setTitle(e.target.value)} error={add.error} />
        <TextArea label="Why it matters" name="whyItMatters" rows={2} value={why} onChange={(e) => setWhy(e.target.value)} error={add.error} />
        <fieldset className="field">
          <legend>Which parts of life it is about</legend>
          <div className="area-choices">
            {(areas.data ?? [])
              .filter((a) => a.active)
              .map((a) => (
                <div className="check" key={a.id}>
                  <input
                    id={`goal-area-${a.id}`}
                    type="checkbox"
                    checked={areaIds.includes(a.id)}
                    onChange={(e) => setAreaIds(e.target.checked ? [...areaIds, a.id] : areaIds.filter((x) => x !== a.id))}
                  />
                  <label htmlFor={`goal-area-${a.id}`}>{a.name}</label>
                </div>
              ))}
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={add.isPending}>
          Add goal
        </button>
      </form>
    </details>
  );
}

function NewStep({ personId, goal }: { personId: string; goal: Goal }) {
  const refresh = useRefresh(personId);
  const [description, setDescription] = useState('');
  const [who, setWho] = useState<Step['who']>('person');
  const [whoName, setWhoName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({
    mutationFn: () => recoveryApi.addStep(personId, goal.id, { description, who, whoName: whoName || undefined, dueOn: dueOn || undefined }),
    onSuccess: () => {
      setDescription('');
      setDueOn('');
      refresh();
    },
  });
  return (
    <details>
      <summary>
        Add a step<span className="visually-hidden"> toward “{goal.title}”</span>
      </summary>
      <ErrorNotice error={add.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <TextField label="The step" name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={add.error} />
        <SelectField label="Who does it" name="who" value={who} onChange={(e) => setWho(e.target.value as Step['who'])} error={add.error}>
          <option value="person">The person</option>
          <option value="worker">A worker</option>
          <option value="supporter">A supporter</option>
          <option value="partner">A partner service</option>
        </SelectField>
        {who !== 'person' && <TextField label="Their name" name="whoName" value={whoName} onChange={(e) => setWhoName(e.target.value)} error={add.error} />}
        <TextField label="By when" name="dueOn" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={add.error} />
        <button type="submit" className="primary" disabled={add.isPending}>
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
  const whoLabel = step.whoName || { person: 'the person', worker: 'a worker', supporter: 'a supporter', partner: 'a partner service' }[step.who];
  return (
    <li className="step">
      <span>
        {step.status === 'done' ? '✓ ' : ''}
        {step.description} <span className="muted small">({whoLabel}{step.dueOn ? `, by ${step.dueOn}` : ''})</span>{' '}
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
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => recoveryApi.addNote(personId, goal.id, note),
    onSuccess: () => {
      setNote('');
      refresh();
    },
  });
  return (
    <details>
      <summary>
        Progress notes ({goal.notes.length})<span className="visually-hidden"> for “{goal.title}”</span>
      </summary>
      <ul className="notes">
        {goal.notes.map((n) => (
          <li key={n.id}>
            <span className="prewrap">{n.note}</span> <span className="muted small">— {n.writtenByName ?? 'someone'}, {n.writtenAt.slice(0, 10)}</span>
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          noValidate
        >
          <ErrorNotice error={add.error} />
          <TextArea label="Add a note" name={`note-${goal.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={add.error} />
          <button type="submit" disabled={add.isPending}>
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
        <SelectField label="Where it is up to" name={`status-${goal.id}`} value={goal.status} onChange={(e) => status.mutate(e.target.value as GoalStatus)} error={status.error}>
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

export function GoalsSection({ personId, canWrite, isPerson }: { personId: string; canWrite: boolean; isPerson: boolean }) {
  const goals = useQuery({ queryKey: ['goals', personId], queryFn: () => recoveryApi.goals(personId) });
  const achievements = useQuery({ queryKey: ['achievements', personId], queryFn: () => recoveryApi.achievements(personId) });
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
                <span aria-hidden="true">★ </span>{a.title} <span className="muted small">({a.kind === 'goal' ? 'goal achieved' : 'step done'}, {a.achievedAt.slice(0, 10)})</span>
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
