import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  planGroupParts,
  planSections,
  recoveryApi,
  writtenSections,
  type Plan,
  type PlanSectionKey,
  type PlanTexts,
} from './api';
import type { RecordPart } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Link } from 'react-router-dom';
import { PlanHistory } from './PlanHistory';
import { TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

function PlanEditor({
  personId,
  plan,
  visibleKeys,
  onDone,
}: {
  personId: string;
  plan: Plan;
  visibleKeys: PlanSectionKey[];
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const save = useForm({
    initial: (): { texts: PlanTexts; reviewOn: string } => ({
      texts: Object.fromEntries(visibleKeys.map((k) => [k, plan.sections[k]?.text ?? ''])),
      reviewOn: plan.reviewOn ?? '',
    }),
    // Only the sections that changed are sent.
    submit: ({ texts, reviewOn }) => {
      const changed: PlanTexts = {};
      for (const k of visibleKeys) {
        const text = texts[k] ?? '';
        if (text !== (plan.sections[k]?.text ?? '')) changed[k] = text;
      }
      return recoveryApi.savePlan(personId, plan, changed, reviewOn !== (plan.reviewOn ?? '') ? reviewOn : undefined);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['plan', personId] });
      onDone();
    },
  });
  return (
    <form onSubmit={save.onSubmit} noValidate>
      <ErrorNotice error={save.error} />
      {planSections
        .filter((s) => visibleKeys.includes(s.key))
        .map((s) => (
          <TextArea
            key={s.key}
            label={s.label}
            name={`sections.${s.key}`}
            hint={s.hint || undefined}
            rows={3}
            value={save.values.texts[s.key] ?? ''}
            onChange={(e) => save.set('texts', { ...save.values.texts, [s.key]: e.target.value })}
            error={save.error}
          />
        ))}
      <TextField label="Next review" type="date" {...save.field('reviewOn')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.pending}>
          Save plan
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Agreement({ personId, plan, isPerson }: { personId: string; plan: Plan; isPerson: boolean }) {
  const qc = useQueryClient();
  const [disagreement, setDisagreement] = useState('');
  const respond = useMutation({
    mutationFn: (agree: boolean) => recoveryApi.respondToPlan(personId, plan, agree, disagreement),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plan', personId] }),
  });
  if (plan.version === 0) return null;
  if (plan.agreedByPerson) return <p className="tag ok">Agreed by the person</p>;
  if (!isPerson) {
    return (
      <p className="tag warn">
        Waiting for the person’s agreement{plan.disagreement ? `. They said: “${plan.disagreement}”` : ''}
      </p>
    );
  }
  return (
    <div className="panel">
      <p>Is this your plan? You can agree, or say what does not feel right.</p>
      <ErrorNotice error={respond.error} />
      <button type="button" className="primary" onClick={() => respond.mutate(true)} disabled={respond.isPending}>
        I agree with my plan
      </button>
      <TextArea
        label="What I do not agree with"
        name="disagreement"
        rows={2}
        value={disagreement}
        onChange={(e) => setDisagreement(e.target.value)}
        error={respond.error}
      />
      <button type="button" onClick={() => respond.mutate(false)} disabled={respond.isPending}>
        Tell my care team
      </button>
    </div>
  );
}

export function PlanSection({
  personId,
  canWrite,
  isPerson,
  visibleParts,
}: {
  personId: string;
  canWrite: boolean;
  isPerson: boolean;
  visibleParts: RecordPart[];
}) {
  const [editing, setEditing] = useState(false);
  const plan = useQuery({
    queryKey: ['plan', personId],
    queryFn: () => recoveryApi.plan(personId).then((r) => r.data),
  });
  const visibleKeys = planSections.filter((s) => visibleParts.includes(planGroupParts[s.group])).map((s) => s.key);
  const p = plan.data;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{isPerson ? 'My recovery plan' : 'Recovery plan'}</h2>
      <ErrorNotice error={plan.error} />
      {p && editing && (
        <PlanEditor personId={personId} plan={p} visibleKeys={visibleKeys} onDone={() => setEditing(false)} />
      )}
      {p && !editing && (
        <>
          <Agreement personId={personId} plan={p} isPerson={isPerson} />
          {p.version === 0 && (
            <p>
              No plan yet.{' '}
              {isPerson
                ? 'Start with your hopes, in your own words.'
                : 'Start with the person’s hopes, in their words.'}
            </p>
          )}
          <dl className="plan">
            {writtenSections(p.sections).map((s) => (
              <div key={s.key} className={`plan-part ${s.group}`}>
                <dt>{s.label}</dt>
                <dd>
                  <p className="prewrap">{s.written.text}</p>
                  <p className="muted small">
                    {s.written.writtenBy === 'person' ? 'In their own words' : `Written by ${s.written.writtenByName}`}
                  </p>
                </dd>
              </div>
            ))}
          </dl>
          {p.reviewOn && <p>Next review: {p.reviewOn}</p>}
          <div className="actions">
            {canWrite && (
              <button type="button" onClick={() => setEditing(true)}>
                {p.version === 0 ? 'Start the plan' : 'Edit the plan'}
              </button>
            )}
            {p.version > 0 && <Link to={`/people/${personId}/plan/print`}>Print view of the plan</Link>}
          </div>
          {p.version > 1 && <PlanHistory personId={personId} />}
        </>
      )}
    </section>
  );
}
