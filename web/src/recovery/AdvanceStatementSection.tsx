// The person's advance statement: shown first to the care team when one is in place; never
// edited — a new one replaces it, and every earlier one stays readable.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { advanceApi, type AdvanceStatement, type AdvanceStatementRules } from './api';
import type { NewAdvanceStatement } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

function Statement({ s }: { s: AdvanceStatement }) {
  return (
    <dl className="facts">
      <div className="fact">
        <dt>What I would like</dt>
        <dd className="prewrap">{s.treatmentPreferences}</dd>
      </div>
      {s.whatIDoNotWant && (
        <div className="fact">
          <dt>What I do not want</dt>
          <dd className="prewrap">{s.whatIDoNotWant}</dd>
        </div>
      )}
      {s.otherWishes && (
        <div className="fact">
          <dt>Other wishes</dt>
          <dd className="prewrap">{s.otherWishes}</dd>
        </div>
      )}
      {s.nominatedSupportName && (
        <div className="fact">
          <dt>Nominated support person</dt>
          <dd>
            {s.nominatedSupportName} {s.nominatedSupportContact}
          </dd>
        </div>
      )}
      <div className="fact">
        <dt>Signed</dt>
        <dd>{s.signedOn}</dd>
      </div>
      {s.witnessName && (
        <div className="fact">
          <dt>Witnessed by</dt>
          <dd>
            {[s.witnessName, s.witnessRole].filter(Boolean).join(', ')}
            {s.witnessedOn && ` (${s.witnessedOn})`}
          </dd>
        </div>
      )}
    </dl>
  );
}

function NewStatement({
  personId,
  rules,
  isPerson,
  onDone,
}: {
  personId: string;
  rules: AdvanceStatementRules;
  isPerson: boolean;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const make = useForm({
    initial: {
      treatmentPreferences: '',
      whatIDoNotWant: '',
      otherWishes: '',
      nominatedSupportName: '',
      nominatedSupportContact: '',
      signedOn: '',
      witnessName: '',
      witnessRole: '',
      witnessedOn: '',
    } satisfies NewAdvanceStatement,
    // An empty witnessedOn is left out (it is optional, and '' is not a date); signedOn is needed,
    // and an empty one is refused with the field's own message.
    submit: ({ witnessedOn, ...v }) => advanceApi.make(personId, { ...v, witnessedOn: witnessedOn || undefined }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['advance', personId] });
      onDone();
    },
  });
  const { field } = make;
  return (
    <form onSubmit={make.onSubmit} noValidate>
      <ErrorNotice error={make.error} />
      <TextArea
        label={isPerson ? 'What I would like if I become unwell' : 'What they would like if they become unwell'}
        rows={3}
        {...field('treatmentPreferences')}
      />
      <TextArea label="What I do not want" rows={2} {...field('whatIDoNotWant')} />
      <TextArea label="Other wishes (pets, children, home, work)" rows={2} {...field('otherWishes')} />
      <TextField
        label={`Nominated support person${rules.nominatedSupportRequired ? '' : ' (optional)'}`}
        {...field('nominatedSupportName')}
      />
      <TextField label="How to contact them" {...field('nominatedSupportContact')} />
      <TextField label="Date signed" type="date" {...field('signedOn')} />
      {rules.witnessRequired && (
        <>
          <TextField label="Witness’s name" {...field('witnessName')} />
          {rules.witnessRoleRequired && (
            <TextField
              label="Witness’s role or authority"
              hint="For example an authorised witness, a GP or a lawyer"
              {...field('witnessRole')}
            />
          )}
          <TextField label="Date witnessed" type="date" {...field('witnessedOn')} />
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={make.pending}>
          Save advance statement
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AdvanceStatementSection({
  personId,
  canWrite,
  isPerson,
}: {
  personId: string;
  canWrite: boolean;
  isPerson: boolean;
}) {
  const qc = useQueryClient();
  const [writing, setWriting] = useState(false);
  const list = useQuery({ queryKey: ['advance', personId], queryFn: () => advanceApi.list(personId) });
  const revoke = useMutation({
    mutationFn: () => advanceApi.revoke(personId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['advance', personId] }),
  });
  const current = list.data?.items.find((s) => s.status === 'current');
  const earlier = list.data?.items.filter((s) => s.status !== 'current') ?? [];
  return (
    <section aria-labelledby="advance-title" className={current ? 'panel important' : ''}>
      <h2 id="advance-title">{current ? 'Advance statement in place' : 'Advance statement'}</h2>
      <ErrorNotice error={list.error ?? revoke.error} />
      {current ? (
        <Statement s={current} />
      ) : (
        <p>{isPerson ? 'You can write down what you would like if you become unwell.' : 'None recorded.'}</p>
      )}
      {writing && list.data && (
        <NewStatement
          personId={personId}
          rules={list.data.rules}
          isPerson={isPerson}
          onDone={() => setWriting(false)}
        />
      )}
      {canWrite && !writing && (
        <div className="actions">
          <button type="button" onClick={() => setWriting(true)}>
            {current ? 'Write a new statement to replace it' : 'Write an advance statement'}
          </button>
          {current && (
            <button type="button" className="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              Revoke it
            </button>
          )}
        </div>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>Earlier statements ({earlier.length})</summary>
          {earlier.map((s) => (
            <div key={s.id} className="earlier">
              <p className="muted small">
                {s.status === 'revoked' ? `Revoked ${s.revokedAt?.slice(0, 10)}` : 'Replaced'} · signed {s.signedOn}
              </p>
              <Statement s={s} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
