import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { peopleApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea } from '../ui/Field';

const reasons = [
  ['urgent_safety', 'Someone’s safety is at risk now'],
  ['covering_for_colleague', 'Covering for a colleague'],
  ['after_hours', 'After-hours contact'],
  ['new_referral', 'A new referral to our team'],
  ['other', 'Another reason'],
] as const;

/** Shown when a worker is not on the care team: opens the record for 4 hours with a reason. */
export function BreakGlassPrompt({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const [reasonCode, setReasonCode] = useState<string>('covering_for_colleague');
  const [reason, setReason] = useState('');
  const open = useMutation({
    mutationFn: () => peopleApi.breakGlass(personId, reasonCode, reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['person', personId] }),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    open.mutate();
  }
  return (
    <section aria-labelledby="bg-title" className="panel">
      <h2 id="bg-title">You are not on this person’s care team</h2>
      <p>
        If you need their record now, give your reason. Access lasts 4 hours, is recorded, and a manager reviews it.
      </p>
      <ErrorNotice error={open.error} />
      <form onSubmit={submit} noValidate>
        <SelectField label="Reason" name="reasonCode" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} error={open.error}>
          {reasons.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextArea label="What you need it for" name="reason" hint="At least 10 characters" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={open.error} />
        <button type="submit" className="danger" disabled={open.isPending}>
          Open the record for 4 hours
        </button>
      </form>
    </section>
  );
}
