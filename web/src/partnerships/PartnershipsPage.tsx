// For managers: the partner agencies, their agreements, and how referrals to each are going.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { figuresApi, referralsApi, type Partner } from './api';
import { AgreementDocuments } from './AgreementDocuments';
import { AgreementEditor } from './AgreementEditor';
import { FiguresTable } from './FiguresTable';
import { ReviewsList } from './ReviewsList';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

function PartnerRow({ p }: { p: Partner }) {
  const [editing, setEditing] = useState(false);
  const details: [string, string | null][] = [
    ['Why we work together', p.agreementPurpose],
    ['Roles and responsibilities', p.agreementRoles],
    ['What each side can expect', p.agreementExpectations],
    ['Contacts', p.agreementContacts],
    ['Information sharing', p.informationSharing],
    ['What we put in', p.ourResources],
    ['What they put in', p.partnerResources],
    [
      'Agreement',
      [p.agreementStartsOn && `from ${p.agreementStartsOn}`, p.agreementReviewOn && `review by ${p.agreementReviewOn}`]
        .filter(Boolean)
        .join(', '),
    ],
  ];
  return (
    <li className="list-row column">
      <h3>
        {p.name}{' '}
        {p.status !== 'active' && <span className="tag warn">{p.status === 'paused' ? 'Paused' : 'Ended'}</span>}{' '}
        {p.takingReferrals ? (
          <span className="tag ok">Taking referrals</span>
        ) : (
          <span className="tag warn">Not taking referrals</span>
        )}
      </h3>
      <p className="muted small">
        Agreed response: {p.responseDays} days{p.waitWeeks != null ? ` · current wait about ${p.waitWeeks} weeks` : ''}
        {p.capacityUpdatedAt ? ` · capacity updated ${p.capacityUpdatedAt.slice(0, 10)}` : ''}
      </p>
      {editing ? (
        <AgreementEditor partner={p} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="facts">
            {details
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="fact">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <AgreementDocuments partner={p} />
          <button type="button" onClick={() => setEditing(true)}>
            Edit agreement<span className="visually-hidden"> with {p.name}</span>
          </button>
        </>
      )}
      <ReviewsList partnerId={p.id} partnerName={p.name} canOpen />
    </li>
  );
}

export function PartnershipsPage() {
  const [adding, setAdding] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  // The figures follow the dates as they change; there is nothing to send.
  const period = useForm({ initial: { from: `${today.slice(0, 4)}-01-01`, to: today }, submit: () => undefined });
  const { from, to } = period.values;
  const partners = useQuery({ queryKey: ['partners'], queryFn: referralsApi.partners });
  const figures = useQuery({ queryKey: ['figures', from, to], queryFn: () => figuresApi.all(from, to) });
  return (
    <>
      <PageTitle title="Partnerships" />
      <section aria-labelledby="fig-title">
        <h2 id="fig-title">Referrals by partner agency</h2>
        <form className="filters" aria-label="Period" onSubmit={period.onSubmit}>
          <TextField label="From" type="date" {...period.field('from')} error={figures.error} />
          <TextField label="To" type="date" {...period.field('to')} error={figures.error} />
        </form>
        <ErrorNotice error={figures.error} />
        {figures.data && <FiguresTable items={figures.data} />}
      </section>
      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">Agreements</h2>
        <ErrorNotice error={partners.error} />
        {adding ? (
          <AgreementEditor onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Add a partner agency
          </button>
        )}
        <ul className="list">
          {(partners.data ?? []).map((p) => (
            <PartnerRow key={`${p.id}-${p.version}`} p={p} />
          ))}
        </ul>
      </section>
    </>
  );
}
