import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { peopleApi, shareableParts, type Part, type Person, type Supporter } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { InviteToSignIn } from './Invitations';
import { TextArea, TextField } from '../ui/Field';

function AddSupporter({ person }: { person: Person }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ name: '', relationship: '', phone: '', email: '', involvement: '' });
  const add = useMutation({
    mutationFn: () => peopleApi.addSupporter(person.id, form),
    onSuccess: () => {
      setForm({ name: '', relationship: '', phone: '', email: '', involvement: '' });
      void qc.invalidateQueries({ queryKey: ['supporters', person.id] });
    },
  });
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    error: add.error,
  });
  return (
    <details>
      <summary>Add a supporter</summary>
      <ErrorNotice error={add.error} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <TextField label="Supporter’s name" {...field('name')} />
        <TextField label="Relationship" hint="For example mother, partner, friend, neighbour" {...field('relationship')} />
        <TextField label="Supporter’s phone" type="tel" {...field('phone')} />
        <TextField label="Supporter’s email" type="email" {...field('email')} />
        <TextArea label="How they would like this supporter involved" rows={2} {...field('involvement')} />
        <button type="submit" className="primary" disabled={add.isPending}>
          Add supporter
        </button>
      </form>
    </details>
  );
}

function ShareWith({ person, supporter }: { person: Person; supporter: Supporter }) {
  const qc = useQueryClient();
  const [parts, setParts] = useState<Part[]>([]);
  const [purpose, setPurpose] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const share = useMutation({
    mutationFn: () => peopleApi.recordConsent(person.id, { supporterId: supporter.id, parts, purpose, endsOn: endsOn || undefined }),
    onSuccess: () => {
      setParts([]);
      setPurpose('');
      setEndsOn('');
      void qc.invalidateQueries({ queryKey: ['consents', person.id] });
    },
  });
  return (
    <details>
      <summary>Share parts of the record with {supporter.name}</summary>
      <ErrorNotice error={share.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          share.mutate();
        }}
        noValidate
      >
        <fieldset className="field">
          <legend>What {supporter.name} may see</legend>
          {shareableParts.map(({ part, label }) => (
            <div className="check" key={part}>
              <input
                id={`share-${supporter.id}-${part}`}
                type="checkbox"
                checked={parts.includes(part)}
                onChange={(e) => setParts(e.target.checked ? [...parts, part] : parts.filter((p) => p !== part))}
              />
              <label htmlFor={`share-${supporter.id}-${part}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <TextArea label="Why, in the person’s words" name="purpose" rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={share.error} />
        <TextField label="Until (optional)" name="endsOn" type="date" hint="Leave empty to share until the person says stop" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={share.error} />
        <button type="submit" className="primary" disabled={share.isPending}>
          Share
        </button>
      </form>
    </details>
  );
}

export function SupportersSection({ person, canWrite, canShare, canInvite }: { person: Person; canWrite: boolean; canShare: boolean; canInvite: boolean }) {
  const qc = useQueryClient();
  const supporters = useQuery({ queryKey: ['supporters', person.id], queryFn: () => peopleApi.supporters(person.id) });
  const consents = useQuery({ queryKey: ['consents', person.id], queryFn: () => peopleApi.consents(person.id) });
  const withdraw = useMutation({
    mutationFn: (id: string) => peopleApi.withdrawConsent(person.id, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consents', person.id] }),
  });
  const label = (p: Part) => shareableParts.find((s) => s.part === p)?.label ?? p;
  return (
    <section aria-labelledby="supporters-title">
      <h2 id="supporters-title">Supporters and what they may see</h2>
      <ErrorNotice error={supporters.error ?? consents.error ?? withdraw.error} />
      {withdraw.isSuccess && <SuccessNotice>Sharing stopped. It took effect straight away.</SuccessNotice>}
      <ul className="list">
        {(supporters.data ?? []).map((s) => {
          const shared = (consents.data ?? []).filter((k) => k.granteeId === s.id && k.inForce);
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
              {canInvite && !s.hasAccount && s.active && <InviteToSignIn personId={person.id} supporterId={s.id} name={s.name} />}
            </li>
          );
        })}
      </ul>
      {supporters.data?.length === 0 && <p>No supporters recorded yet.</p>}
      {canWrite && <AddSupporter person={person} />}
    </section>
  );
}
