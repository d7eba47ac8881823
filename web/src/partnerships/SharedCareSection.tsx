// Shared care with partner agencies and case conferences: who does what, and what was decided.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referralsApi, sharedCareApi } from './api';
import type { NewCaseConference, NewSharedCarePlan } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

function NewPlan({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const partners = useQuery({ queryKey: ['partners'], queryFn: referralsApi.partners });
  const add = useForm({
    // Sent as it is: only fields the server takes.
    initial: { partnerId: '', purpose: '', whoDoesWhat: '', dischargePlan: '' } satisfies NewSharedCarePlan,
    submit: (v) => sharedCareApi.addPlan(personId, v),
    resetOnSuccess: true,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['shared-care', personId] }),
  });
  const { field } = add;
  return (
    <details>
      <summary>Plan shared care with a partner agency</summary>
      <ErrorNotice error={add.error} />
      <form onSubmit={add.onSubmit} noValidate>
        <SelectField label="With" {...field('partnerId')}>
          <option value="">Choose…</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField label="What it is for" {...field('purpose')} />
        <TextArea label="Who does what" rows={2} {...field('whoDoesWhat')} />
        <TextArea label="Joint discharge plan" rows={2} {...field('dischargePlan')} />
        <button type="submit" className="primary" disabled={add.pending}>
          Save shared care plan
        </button>
      </form>
    </details>
  );
}

function NewConference({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const add = useForm({
    // Sent as it is: only fields the server takes.
    initial: {
      heldOn: '',
      attendees: '',
      decisions: '',
      actions: '',
      personAttended: true,
    } satisfies NewCaseConference,
    submit: (v) => sharedCareApi.addConference(personId, v),
    onSuccess: (_, sent) => {
      // Whether the person took part stays as it was ticked.
      add.reset({ heldOn: '', attendees: '', decisions: '', actions: '', personAttended: sent.personAttended });
      void qc.invalidateQueries({ queryKey: ['conferences', personId] });
    },
  });
  const { field } = add;
  return (
    <details>
      <summary>Record a case conference</summary>
      <ErrorNotice error={add.error} />
      <form onSubmit={add.onSubmit} noValidate>
        <TextField label="Held on" type="date" {...field('heldOn')} />
        <TextArea label="Who was there" rows={1} {...field('attendees')} />
        <div className="check">
          <input id={`attended-${personId}`} type="checkbox" {...add.check('personAttended')} />
          <label htmlFor={`attended-${personId}`}>The person took part</label>
        </div>
        <TextArea label="What was decided" rows={2} {...field('decisions')} />
        <TextArea label="Actions, and who does them" rows={2} {...field('actions')} />
        <button type="submit" className="primary" disabled={add.pending}>
          Save case conference
        </button>
      </form>
    </details>
  );
}

export function SharedCareSection({ personId, staff }: { personId: string; staff: boolean }) {
  const plans = useQuery({ queryKey: ['shared-care', personId], queryFn: () => sharedCareApi.plans(personId) });
  const conferences = useQuery({
    queryKey: ['conferences', personId],
    queryFn: () => sharedCareApi.conferences(personId),
  });
  return (
    <section aria-labelledby="shared-care-title">
      <h2 id="shared-care-title">Shared care and case conferences</h2>
      <ErrorNotice error={plans.error ?? conferences.error} />
      <ul className="list">
        {(plans.data ?? []).map((p) => (
          <li key={p.id} className="list-row column">
            <p>
              <strong>With {p.partnerName}</strong>: {p.purpose}
            </p>
            {p.whoDoesWhat && <p className="prewrap">{p.whoDoesWhat}</p>}
            {p.dischargePlan && <p className="prewrap">Discharge: {p.dischargePlan}</p>}
          </li>
        ))}
        {(conferences.data ?? []).map((k) => (
          <li key={k.id} className="list-row column">
            <p>
              <strong>Case conference, {k.heldOn}</strong>{' '}
              {k.personAttended && <span className="tag">With the person</span>}
            </p>
            <p className="muted">{k.attendees}</p>
            {k.decisions && <p className="prewrap">Decided: {k.decisions}</p>}
            {k.actions && <p className="prewrap">Actions: {k.actions}</p>}
          </li>
        ))}
      </ul>
      {plans.data?.length === 0 && conferences.data?.length === 0 && <p>None yet.</p>}
      {staff && <NewPlan personId={personId} />}
      {staff && <NewConference personId={personId} />}
    </section>
  );
}
