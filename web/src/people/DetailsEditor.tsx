// The care team keeps a person's details up to date (If-Match: two workers never overwrite
// each other).
import { useQueryClient } from '@tanstack/react-query';
import { peopleApi, type Person } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

const fields: [keyof Person, string, 'line' | 'area'][] = [
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

export function DetailsEditor({ person, onDone }: { person: Person; onDone: () => void }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: (): Record<string, string> => ({
      ...Object.fromEntries(fields.map(([k]) => [k, String(person[k] ?? '')])),
      status: person.status,
    }),
    // Only what changed is sent.
    submit: (v) => {
      const changes: Record<string, string> = {};
      for (const k of [...fields.map(([k]) => k), 'status' as const]) {
        if (v[k] !== String(person[k] ?? '')) changes[k] = v[k];
      }
      return peopleApi.update(person, changes as Partial<Person>);
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
