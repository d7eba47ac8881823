import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { peopleApi, shareableParts, type PersonRecord, type SharedPart, type Supporter } from './api';
import type { NewSupporter } from '../app/api-schema';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { InviteToSignIn } from './Invitations';
import { TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

function AddSupporter({ person }: { person: PersonRecord }) {
  const qc = useQueryClient();
  const add = useForm({
    // Sent as it is: only fields the server takes.
    initial: { name: '', relationship: '', phone: '', email: '', involvement: '' } satisfies NewSupporter,
    submit: (v) => peopleApi.addSupporter(person.id, v),
    resetOnSuccess: true,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['supporters', person.id] }),
  });
  const { field } = add;
  return (
    <details>
      <summary>Add a supporter</summary>
      <ErrorNotice error={add.error} />
      <form onSubmit={add.onSubmit} noValidate>
        <TextField label="Supporter’s name" {...field('name')} />
        <TextField
          label="Relationship"
          hint="For example mother, partner, friend, neighbour"
          {...field('relationship')}
        />
        <TextField label="Supporter’s phone" type="tel" {...field('phone')} />
        <TextField label="Supporter’s email" type="email" {...field('email')} />
        <TextArea label="How they would like this supporter involved" rows={2} {...field('involvement')} />
        <button type="submit" className="primary" disabled={add.pending}>
          Add supporter
        </button>
      </form>
    </details>
  );
}

const kNoSharing: { parts: SharedPart[]; purpose: string; endsOn: string } = { parts: [], purpose: '', endsOn: '' };

function ShareWith({ person, supporter }: { person: PersonRecord; supporter: Supporter }) {
  const qc = useQueryClient();
  const share = useForm({
    initial: kNoSharing,
    submit: (v) =>
      peopleApi.recordConsent(person.id, {
        supporterId: supporter.id,
        parts: v.parts,
        purpose: v.purpose,
        endsOn: v.endsOn || undefined,
      }),
    resetOnSuccess: true,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consents', person.id] }),
  });
  return (
    <details>
      <summary>Share parts of the record with {supporter.name}</summary>
      <ErrorNotice error={share.error} />
      <form onSubmit={share.onSubmit} noValidate>
        <fieldset className="field">
          <legend>What {supporter.name} may see</legend>
          {shareableParts.map(({ part, label }) => (
            <div className="check" key={part}>
              <input id={`share-${supporter.id}-${part}`} type="checkbox" {...share.choice('parts', part)} />
              <label htmlFor={`share-${supporter.id}-${part}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <TextArea label="Why, in the person’s words" rows={2} {...share.field('purpose')} />
        <TextField
          label="Until (optional)"
          type="date"
          hint="Leave empty to share until the person says stop"
          {...share.field('endsOn')}
        />
        <button type="submit" className="primary" disabled={share.pending}>
          Share
        </button>
      </form>
    </details>
  );
}

export function SupportersSection({
  person,
  canWrite,
  canShare,
  canInvite,
}: {
  person: PersonRecord;
  canWrite: boolean;
  canShare: boolean;
  canInvite: boolean;
}) {
  const qc = useQueryClient();
  const supporters = useQuery({ queryKey: ['supporters', person.id], queryFn: () => peopleApi.supporters(person.id) });
  const consents = useQuery({ queryKey: ['consents', person.id], queryFn: () => peopleApi.consents(person.id) });
  const withdraw = useMutation({
    mutationFn: (id: string) => peopleApi.withdrawConsent(person.id, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consents', person.id] }),
  });
  const label = (p: SharedPart) => shareableParts.find((s) => s.part === p)?.label ?? p;
  return (
    <section aria-labelledby="supporters-title">
      <h2 id="supporters-title">Supporters and what they may see</h2>
      <ErrorNotice error={supporters.error ?? consents.error ?? withdraw.error} />
      {withdraw.isSuccess && <SuccessNotice>Sharing stopped. It took effect straight away.</SuccessNotice>}
      <ul className="list">
        {(supporters.data ?? []).map((s) => {
          const shared = (consents.data ?? []).filter(
            (k) => k.granteeType === 'supporter' && k.granteeId === s.id && k.inForce,
          );
          return (
            <li key={s.id} className="list-row column">
              <p>
                <strong>{s.name}</strong> · {s.relationship} {s.hasAccount && <span className="tag">Can sign in</span>}
              </p>
              {s.involvement && <p className="muted">{s.involvement}</p>}
              {shared.length === 0 ? (
                <p className="small">Nothing shared with {s.name}.</p>
              ) : (
                shared.map((k) => (
                  <div key={k.id} className="consent">
                    <p className="small">
                      Sees: {k.parts.map(label).join('; ')}
                      {k.endsOn ? `, until ${k.endsOn}` : ''}. <span className="muted">{k.purpose}</span>
                    </p>
                    {canShare && (
                      <button type="button" onClick={() => withdraw.mutate(k.id)} disabled={withdraw.isPending}>
                        Stop sharing<span className="visually-hidden"> with {s.name}</span>
                      </button>
                    )}
                  </div>
                ))
              )}
              {canShare && <ShareWith person={person} supporter={s} />}
              {canInvite && !s.hasAccount && s.active && (
                <InviteToSignIn personId={person.id} supporterId={s.id} name={s.name} />
              )}
            </li>
          );
        })}
      </ul>
      {supporters.data?.length === 0 && <p>No supporters recorded yet.</p>}
      {canWrite && <AddSupporter person={person} />}
    </section>
  );
}
