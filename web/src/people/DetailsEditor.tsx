// The care team keeps a person's details up to date (If-Match: two workers never overwrite
// each other).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { peopleApi, type Person } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';

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
  const [form, setForm] = useState<Record<string, string>>(() => Object.fromEntries(fields.map(([k]) => [k, String(person[k] ?? '')])));
  const [status, setStatus] = useState(person.status);
  const save = useMutation({
    mutationFn: () => {
      const changes: Record<string, string> = {};
      for (const [k] of fields) if (form[k] !== String(person[k] ?? '')) changes[k] = form[k];
      if (status !== person.status) changes.status = status;
      return peopleApi.update(person, changes as Partial<Person>);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['person', person.id] });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorNotice error={save.error} />
      {fields.map(([k, label, kind]) =>
        kind === 'line' ? (
          <TextField key={k} label={label} name={k} value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} error={save.error} />
        ) : (
          <TextArea key={k} label={label} name={k} rows={2} value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} error={save.error} />
        ),
      )}
      <SelectField label="Support" name="status" value={status} onChange={(e) => setStatus(e.target.value as Person['status'])} error={save.error}>
        <option value="receiving_support">Receiving support</option>
        <option value="ended">Support has ended</option>
      </SelectField>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
