// A person's referrals to partner agencies: drafted by the care team, sent only once the
// person has agreed to share with that partner, and followed until the partner closes the loop.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, query } from '../app/api';
import { placeOf, referralStatusLabels, referralsApi, type Referral } from './api';
import type { PartnerSharedPart } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea } from '../ui/Field';
import { useForm } from '../ui/useForm';

function NewReferral({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const partners = useQuery({ queryKey: ['partners'], queryFn: referralsApi.partners });
  // The partner's referral protocol says what every referral must share.
  const partsFor = (partnerId: string) => [
    ...new Set<PartnerSharedPart>([
      'profile',
      ...(partners.data?.find((p) => p.id === partnerId)?.requiredParts ?? []),
    ]),
  ];
  const create = useForm({
    initial: { partnerId: '', reason: '' },
    submit: (v) =>
      referralsApi.draft(personId, { partnerId: v.partnerId, reason: v.reason, sharedParts: partsFor(v.partnerId) }),
    onSuccess: (_, sent) => {
      // The partner stays chosen, for another referral to them.
      create.reset({ ...sent, reason: '' });
      void qc.invalidateQueries({ queryKey: ['referrals', personId] });
    },
  });
  const { partnerId } = create.values;
  const sharedParts = partsFor(partnerId);
  const chosen = partners.data?.find((p) => p.id === partnerId);
  return (
    <details>
      <summary>Refer to a partner agency</summary>
      <ErrorNotice error={create.error ?? partners.error} />
      <form onSubmit={create.onSubmit} noValidate>
        <SelectField label="Partner agency" {...create.field('partnerId')}>
          <option value="">Choose…</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.takingReferrals
                ? p.waitWeeks
                  ? ` (wait about ${p.waitWeeks} weeks)`
                  : ''
                : ' (not taking referrals)'}
            </option>
          ))}
        </SelectField>
        {chosen && !chosen.takingReferrals && (
          <p className="tag warn">{chosen.name} is not taking referrals just now.</p>
        )}
        <TextArea
          label="What the referral is for"
          hint={chosen?.referralGuidance || undefined}
          rows={2}
          {...create.field('reason')}
        />
        <p className="hint">
          Goes with it, once the person agrees:{' '}
          {sharedParts
            .map((p) => (p === 'profile' ? 'their name and contact details' : p.replace('_', ' ')))
            .join(', ')}
          .
        </p>
        <button type="submit" className="primary" disabled={create.pending}>
          Save as a draft
        </button>
      </form>
    </details>
  );
}

function Row({ personId, r, staff }: { personId: string; r: Referral; staff: boolean }) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['referrals', personId] });
  const send = useMutation({ mutationFn: () => referralsApi.send(personId, r), onSuccess: refresh });
  const consent = useMutation({
    mutationFn: () => referralsApi.consent(personId, r.partnerId, r.sharedParts, `Referral to ${r.partnerName}`),
    onSuccess: () => send.mutate(),
  });
  const needsConsent = send.error instanceof ApiError && send.error.code === 'consent_required';
  return (
    <li className="list-row column">
      <p>
        <strong>{r.partnerName}</strong> <span className="tag">{referralStatusLabels[r.status]}</span>{' '}
        {r.overdue && <span className="tag warn">No answer yet: past the agreed time</span>}
      </p>
      <p className="muted">{r.reason}</p>
      {r.declineReason && <p>Declined: {r.declineReason}</p>}
      {r.outcome && <p>Outcome: {r.outcome}</p>}
      <ErrorNotice error={needsConsent ? null : (send.error ?? consent.error)} />
      {staff && r.status === 'draft' && !needsConsent && (
        <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
          Send to {r.partnerName}
        </button>
      )}
      {staff && needsConsent && (
        <div className="panel">
          <p>The person has not yet agreed to share their details with {r.partnerName}.</p>
          <button type="button" className="primary" onClick={() => consent.mutate()} disabled={consent.isPending}>
            They agree: record consent and send
          </button>
        </div>
      )}
    </li>
  );
}

/** Staff see services near where the person lives; only the postcode or suburb goes in the link. */
function NearbyServicesLink({ address, name }: { address: string; name: string }) {
  const place = placeOf(address);
  if (!place) return null;
  return (
    <p>
      <Link to={`/directory${query({ near: place })}`}>Find services near {name}</Link>
    </p>
  );
}

export function ReferralsSection({
  personId,
  staff,
  isPerson,
  address = '',
  name = '',
}: {
  personId: string;
  staff: boolean;
  isPerson: boolean;
  address?: string;
  name?: string;
}) {
  const list = useQuery({ queryKey: ['referrals', personId], queryFn: () => referralsApi.forPerson(personId) });
  return (
    <section aria-labelledby="referrals-title">
      <h2 id="referrals-title">{isPerson ? 'My referrals' : 'Referrals'}</h2>
      <ErrorNotice error={list.error} />
      <ul className="list">
        {(list.data ?? []).map((r) => (
          <Row key={`${r.id}-${r.version}`} personId={personId} r={r} staff={staff} />
        ))}
      </ul>
      {list.data?.length === 0 && <p>No referrals yet.</p>}
      {staff && <NearbyServicesLink address={address} name={name} />}
      {staff && <NewReferral personId={personId} />}
    </section>
  );
}
