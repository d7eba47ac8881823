// A partnership agreement as the framework describes one: why the partnership exists, each
// side's roles and expectations, who to contact, what information is shared and how, the
// agreed response time, when it started and is reviewed, and what each side puts in.
import { useQueryClient } from '@tanstack/react-query';
import { agreementOf, partnersApi, type AgreementInput, type Partner } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

const kBlank: AgreementInput = {
  name: '',
  directoryOrganizationId: '',
  status: 'active',
  agreementPurpose: '',
  agreementRoles: '',
  agreementExpectations: '',
  agreementContacts: '',
  informationSharing: '',
  ourResources: '',
  partnerResources: '',
  agreementStartsOn: null,
  agreementReviewOn: null,
  responseDays: 5,
  takingReferrals: true,
  waitWeeks: null,
  requiredParts: ['profile'],
  referralGuidance: '',
};

const kTexts: [keyof AgreementInput, string, string][] = [
  ['agreementPurpose', 'Why we work together', 'The need this partnership meets, and for whom'],
  ['agreementRoles', 'Each side’s roles and responsibilities', ''],
  [
    'agreementExpectations',
    'What each side can expect of the other',
    'For example how changes are shared, how problems are raised',
  ],
  ['agreementContacts', 'Contacts', 'Who to call on each side, for referrals and for the partnership'],
  ['informationSharing', 'Information sharing', 'What is shared, only with the person’s consent, and how'],
  ['ourResources', 'What we put in', 'Staff time, rooms, funding, training'],
  ['partnerResources', 'What they put in', ''],
  ['referralGuidance', 'What a referral should say', 'Shown to workers when they refer'],
];

/** Adds a partner agency when `partner` is absent; otherwise replaces its agreement. */
export function AgreementEditor({ partner, onDone }: { partner?: Partner; onDone: () => void }) {
  const qc = useQueryClient();
  const save = useForm({
    initial: (): AgreementInput => (partner ? agreementOf(partner) : kBlank),
    submit: (v) => (partner ? partnersApi.update(partner, v) : partnersApi.add(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['partners'] });
      onDone();
    },
  });
  const form = save.values;
  const text = (k: keyof AgreementInput) => ({
    name: k,
    value: (form[k] as string | null) ?? '',
    onChange: (e: { target: { value: string } }) => save.set(k, e.target.value),
    error: save.error,
  });
  const date = (k: 'agreementStartsOn' | 'agreementReviewOn') => ({
    name: k,
    type: 'date',
    value: form[k] ?? '',
    onChange: (e: { target: { value: string } }) => save.set(k, e.target.value || null),
    error: save.error,
  });
  return (
    <form
      aria-label={partner ? `Agreement with ${partner.name}` : 'New partner agency'}
      onSubmit={save.onSubmit}
      noValidate
    >
      <ErrorNotice error={save.error} />
      <TextField label="Agency name" {...text('name')} required />
      <SelectField label="Status" {...text('status')}>
        <option value="active">Active</option>
        <option value="paused">Paused</option>
        <option value="ended">Ended</option>
      </SelectField>
      {kTexts.map(([k, label, hint]) => (
        <TextArea key={k} label={label} hint={hint || undefined} rows={3} {...text(k)} />
      ))}
      <TextField
        label="Agreed days to answer a referral"
        name="responseDays"
        type="number"
        min={1}
        max={60}
        value={form.responseDays}
        onChange={(e) => save.set('responseDays', Number(e.target.value))}
        error={save.error}
      />
      <TextField label="Agreement starts" {...date('agreementStartsOn')} />
      <TextField label="Review by" {...date('agreementReviewOn')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.pending}>
          {partner ? 'Save agreement' : 'Add partner agency'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
