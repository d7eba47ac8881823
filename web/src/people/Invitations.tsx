import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { peopleApi, type IssuedPersonInvitation, type PersonInvitation } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useFormatTime } from '../app/session';

const stateLabels: Record<PersonInvitation['state'], string> = {
  waiting: 'Waiting to be used',
  accepted: 'Used: sign-in set up',
  withdrawn: 'Withdrawn',
  expired: 'Expired unused',
};

/** Prints the invitation on its own page: only the name, the link and what to do, nothing of the record. */
function printInvitation(name: string, link: string, until: string) {
  const w = window.open('', '_blank', 'noopener=no,width=600,height=500');
  if (!w) return;
  const doc = w.document;
  doc.title = `Invitation for ${name}`;
  const add = (tag: string, text: string, style = '') => {
    const el = doc.createElement(tag);
    el.textContent = text;
    if (style) el.setAttribute('style', style);
    doc.body.appendChild(el);
  };
  doc.body.setAttribute('style', 'font-family: sans-serif; max-width: 36rem; margin: 2rem auto; line-height: 1.5');
  add('h1', `Your invitation to Trellis, ${name}`);
  add('p', 'Type this address into a web browser to choose your own password and sign in. It works once.');
  add(
    'p',
    link,
    'font-family: monospace; font-size: 1.1rem; word-break: break-all; border: 1px solid #999; padding: 0.75rem',
  );
  add('p', `Use it by ${until}. If it has expired, ask your worker for a new one.`);
  add('p', 'Keep this paper private: anyone with the address could use it before you do.');
  w.focus();
  w.print();
}

/** The link, shown once, for the worker to hand over, read out or print. */
function IssuedLink({ issued, name }: { issued: IssuedPersonInvitation; name: string }) {
  const link = `${window.location.origin}${issued.path}`;
  const [copied, setCopied] = useState(false);
  const formatTime = useFormatTime();
  return (
    <div className="notice success invitation-link" role="status">
      <p className="notice-title">An invitation for {name} is ready</p>
      <p>
        Give {name} this link. It works once, until {formatTime(issued.expiresAt)}. It is shown only now: Trellis keeps
        no copy.
      </p>
      <p>
        <code className="breakable">{link}</code>
      </p>
      <p>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          Copy link
        </button>{' '}
        <button type="button" onClick={() => printInvitation(name, link, formatTime(issued.expiresAt))}>
          Print<span className="visually-hidden"> the invitation for {name}</span>
        </button>
        {copied && <span className="muted"> Copied.</span>}
      </p>
    </div>
  );
}

/** Invites the person (no supporter) or one supporter to set up their own sign-in. */
export function InviteToSignIn({
  personId,
  supporterId,
  name,
}: {
  personId: string;
  supporterId?: string;
  name: string;
}) {
  const qc = useQueryClient();
  const invite = useMutation({
    mutationFn: () => peopleApi.invite(personId, supporterId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations', personId] }),
  });
  return (
    <div className="invite">
      <ErrorNotice error={invite.error} />
      {invite.data ? (
        <IssuedLink issued={invite.data} name={name} />
      ) : (
        <button type="button" onClick={() => invite.mutate()} disabled={invite.isPending}>
          Invite {name} to sign in
        </button>
      )}
    </div>
  );
}

/** Every invitation for the person and their supporters: who issued it, when, and what became of it. */
export function InvitationsList({
  personId,
  canWithdraw,
  isPerson,
}: {
  personId: string;
  canWithdraw: boolean;
  isPerson: boolean;
}) {
  const qc = useQueryClient();
  const formatTime = useFormatTime();
  const list = useQuery({ queryKey: ['invitations', personId], queryFn: () => peopleApi.invitations(personId) });
  const withdraw = useMutation({
    mutationFn: (id: string) => peopleApi.withdrawInvitation(personId, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations', personId] }),
  });
  const items = list.data ?? [];
  return (
    <section aria-labelledby="invitations-title">
      <h3 id="invitations-title">{isPerson ? 'Invitations to sign in' : 'Sign-in invitations'}</h3>
      <ErrorNotice error={list.error ?? withdraw.error} />
      {withdraw.isSuccess && <SuccessNotice>The invitation was withdrawn; its link no longer works.</SuccessNotice>}
      {items.length === 0 && !list.isLoading && <p className="muted">No invitations yet.</p>}
      <ul className="list">
        {items.map((i) => (
          <li key={i.id}>
            <strong>{i.for === 'person' ? (isPerson ? 'You' : i.displayName) : `${i.displayName} (supporter)`}</strong>
            {' — '}
            {stateLabels[i.state]}
            <br />
            <span className="muted">
              Issued by {i.createdByName || 'a worker'} on {formatTime(i.createdAt)}
              {i.acceptedAt && `; used ${formatTime(i.acceptedAt)}`}
              {i.withdrawnAt && `; withdrawn ${formatTime(i.withdrawnAt)}`}
            </span>
            {canWithdraw && i.state === 'waiting' && (
              <>
                {' '}
                <button type="button" onClick={() => withdraw.mutate(i.id)} disabled={withdraw.isPending}>
                  Withdraw<span className="visually-hidden"> the invitation for {i.displayName}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
