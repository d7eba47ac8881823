// The care team keeps a person's details up to date (If-Match: two workers never overwrite
// each other).
import { useQueryClient } from '@tanstack/react-query';
import { peopleApi, type PersonRecord } from './api';
import type { PersonChange, PersonStatus } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

/** The details kept as text that the editor changes: each is a field of PersonChange. */
type Detail =
  | 'preferredName'
  | 'pronouns'
  | 'phone'
  | 'email'
  | 'address'
  | 'languages'
  | 'culturalIdentity'
  | 'spiritualPractice'
  | 'communicationNeeds'
  | 'otherProviders';

const fields: [Detail & keyof PersonChange, string, 'line' | 'area'][] = [
  ['preferredName', 'Name they like to be called', 'line'],
  ['pronouns', 'Pronouns', 'line'],
  ['phone', 'Phone', 'line'],
  ['email', 'Email', 'line'],
  ['address', 'Address', 'area'],
  ['languages', 'Languages', 'line'],
  ['culturalIdentity', 'Cultural identity', 'area'],
  ['spiritualPractice', 'Spiritual or faith practice', 'area'],
  ['communicationNeeds', 'Communication and accessibility needs', 'area'],
  ['otherProviders', 'Other services involved (GP, housing worker …)', 'area'],
];

type Values = Record<Detail, string> & { status: PersonStatus };

/** The details as the record has them (the server sends them with the profile part). */
function valuesOf(p: PersonRecord): Values {
  return {
    preferredName: p.preferredName,
    pronouns: p.pronouns ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: p.address ?? '',
    languages: p.languages ?? '',
    culturalIdentity: p.culturalIdentity ?? '',
    spiritualPractice: p.spiritualPractice ?? '',
    communicationNeeds: p.communicationNeeds ?? '',
    otherProviders: p.otherProviders ?? '',
    status: p.status ?? 'receiving_support',
  };
}

export function DetailsEditor({ person, onDone }: { person: PersonRecord; onDone: () => void }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: () => valuesOf(person),
    // Only what changed is sent.
    submit: (v) => {
      const before = valuesOf(person);
      const changes: PersonChange = {};
      for (const [k] of fields) if (v[k] !== before[k]) changes[k] = v[k];
      if (v.status !== before.status) changes.status = v.status;
      return peopleApi.update(person, changes);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['person', person.id] });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorNotice error={form.error} />
      {fields.map(([k, label, kind]) =>
        kind === 'line' ? (
          <TextField key={k} label={label} {...form.field(k)} />
        ) : (
          <TextArea key={k} label={label} rows={2} {...form.field(k)} />
        ),
      )}
      <SelectField label="Support" {...form.field('status')}>
        <option value="receiving_support">Receiving support</option>
        <option value="ended">Support has ended</option>
      </SelectField>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.pending}>
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
