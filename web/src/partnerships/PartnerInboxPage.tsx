// For a partner agency: the referrals sent to them, and only what each person agreed to share.
import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  figuresApi,
  partnersApi,
  referralStatusLabels,
  referralsApi,
  type Partner,
  type Referral,
  type ReferralPartnerMove,
  type ReferralState,
} from './api';
import { FiguresTable } from './FiguresTable';
import { ReviewsList } from './ReviewsList';
import { useSignedIn } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';
import { PageTitle } from '../ui/PageTitle';

/** Where the partner may move a referral from each state. */
const next: Partial<Record<ReferralState, ReferralPartnerMove[]>> = {
  sent: ['received', 'accepted', 'declined', 'redirected'],
  received: ['accepted', 'declined', 'redirected'],
  accepted: ['in_progress', 'completed'],
  in_progress: ['completed'],
};

function Item({ r }: { r: Referral }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const respond = useMutation({
    mutationFn: (to: ReferralPartnerMove) => referralsApi.respond(r, to, note || undefined),
    onSuccess: () => {
      setNote('');
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const moves = next[r.status] ?? [];
  return (
    <li className="list-row column">
      <p>
        <strong>{r.personWithheld ? `Referral ${r.id.slice(0, 8)}` : r.personName}</strong>{' '}
        <span className="tag">{referralStatusLabels[r.status]}</span>{' '}
        {r.overdue && <span className="tag warn">Waiting for your answer</span>}
      </p>
      {r.personWithheld ? (
        <p className="muted">
          The person has withdrawn their consent to share with you. Only this reference, its dates and its state remain,
          so you can close your file.
        </p>
      ) : (
        <p>{r.reason}</p>
      )}
      <ErrorNotice error={respond.error} />
      {moves.length > 0 && (
        <>
          <TextArea
            label="Note (a reason is needed to decline or redirect; an outcome to complete)"
            name={`note-${r.id}`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={respond.error}
          />
          <div className="actions">
            {moves.map((m) => (
              <button key={m} type="button" onClick={() => respond.mutate(m)} disabled={respond.isPending}>
                {referralStatusLabels[m]}
                <span className="visually-hidden">
                  {' '}
                  ({r.personWithheld ? `referral ${r.id.slice(0, 8)}` : r.personName})
                </span>
              </button>
            ))}
          </div>
        </>
      )}
    </li>
  );
}

/** The agency says whether it is taking referrals and how long people wait; workers see it before referring. */
/** The form, once the agency's capacity as recorded is known (it is the starting values). */
function CapacityFields({ a }: { a: Partner }) {
  const qc = useQueryClient();
  const save = useForm({
    initial: { takingReferrals: a.takingReferrals, waitWeeks: a.waitWeeks == null ? '' : String(a.waitWeeks) },
    submit: ({ takingReferrals, waitWeeks }) =>
      partnersApi.updateCapacity(
        a,
        waitWeeks === '' ? { takingReferrals } : { takingReferrals, waitWeeks: Number(waitWeeks) },
      ),
    onSuccess: (saved) => qc.setQueryData(['own-agency'], saved),
  });
  return (
    <section aria-labelledby="capacity-title">
      <h2 id="capacity-title">Taking referrals?</h2>
      <form className="filters" aria-labelledby="capacity-title" onSubmit={save.onSubmit}>
        <div className="check filter-check">
          <input id="taking" type="checkbox" {...save.check('takingReferrals')} />
          <label htmlFor="taking">We are taking referrals</label>
        </div>
        <TextField label="Current wait (weeks)" type="number" min={0} max={104} {...save.field('waitWeeks')} />
        <button type="submit" disabled={save.pending}>
          Update
        </button>
      </form>
      <ErrorNotice error={save.error} />
      {a.capacityUpdatedAt && (
        <p className="muted small" role="status">
          Last updated {new Date(a.capacityUpdatedAt).toLocaleString()}
        </p>
      )}
    </section>
  );
}

function CapacityForm() {
  const agency = useQuery({ queryKey: ['own-agency'], queryFn: partnersApi.ownAgency });
  const a = agency.data;
  if (!a) return <ErrorNotice error={agency.error} />;
  // A saved change comes back as a new version, and the form starts again from it.
  return <CapacityFields key={a.version} a={a} />;
}

export function PartnerInboxPage() {
  const { user } = useSignedIn();
  // Newest first, fifty at a time: an agency may have thousands of referrals over the years.
  const inbox = useInfiniteQuery({
    queryKey: ['inbox'],
    queryFn: ({ pageParam }) => referralsApi.inbox(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const referrals = inbox.data?.pages.flatMap((p) => p.items);
  const year = new Date().toISOString().slice(0, 4);
  const figures = useQuery({
    queryKey: ['own-figures', year],
    queryFn: () => figuresApi.own(`${year}-01-01`, `${year}-12-31`),
  });
  return (
    <>
      <PageTitle title="Referrals to your agency" />
      <p className="lead">Each person agreed to this referral. You see only what they chose to share.</p>
      {user.partnerId && <CapacityForm />}
      <ErrorNotice error={inbox.error} />
      <ul className="list">
        {(referrals ?? []).map((r) => (
          <Item key={`${r.id}-${r.version}`} r={r} />
        ))}
      </ul>
      {referrals?.length === 0 && <p>No referrals yet.</p>}
      {inbox.hasNextPage && (
        <button type="button" onClick={() => void inbox.fetchNextPage()} disabled={inbox.isFetchingNextPage}>
          Show older referrals
        </button>
      )}
      {user.partnerId && (
        <section aria-labelledby="own-reviews">
          <h2 id="own-reviews">Partnership reviews</h2>
          <ReviewsList partnerId={user.partnerId} partnerName="our partnership" canOpen={false} />
        </section>
      )}
      <section aria-labelledby="own-figures">
        <h2 id="own-figures">Your figures this year</h2>
        <ErrorNotice error={figures.error} />
        {figures.data && <FiguresTable items={figures.data} />}
      </section>
    </>
  );
}
