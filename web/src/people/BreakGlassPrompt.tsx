import { useQueryClient } from '@tanstack/react-query';
import { breakGlassReasons, peopleApi } from './api';
import type { NewBreakGlassAccess } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea } from '../ui/Field';
import { useForm } from '../ui/useForm';

const kStart: NewBreakGlassAccess = { reasonCode: 'covering_for_colleague', reason: '' };

/** Shown when a worker is not on the care team: opens the record for 4 hours with a reason. */
export function BreakGlassPrompt({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: kStart,
    submit: (v) => peopleApi.breakGlass(personId, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['person', personId] }),
  });
  return (
    <section aria-labelledby="bg-title" className="panel">
      <h2 id="bg-title">You are not on this person’s care team</h2>
      <p>
        If you need their record now, give your reason. Access lasts 4 hours, is recorded, and a manager reviews it.
      </p>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <SelectField label="Reason" {...form.field('reasonCode')}>
          {Object.entries(breakGlassReasons).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextArea label="What you need it for" hint="At least 10 characters" rows={3} {...form.field('reason')} />
        <button type="submit" className="danger" disabled={form.pending}>
          Open the record for 4 hours
        </button>
      </form>
    </section>
  );
}
