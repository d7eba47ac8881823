// For managers: the partner agencies, their agreements, and how referrals to each are going.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { figuresApi, referralsApi } from './api';
import { FiguresTable } from './FiguresTable';
import { ReviewsList } from './ReviewsList';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

export function PartnershipsPage() {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const partners = useQuery({ queryKey: ['partners'], queryFn: referralsApi.partners });
  const figures = useQuery({ queryKey: ['figures', from, to], queryFn: () => figuresApi.all(from, to) });
  return (
    <>
      <PageTitle title="Partnerships" />
      <section aria-labelledby="fig-title">
        <h2 id="fig-title">Referrals by partner agency</h2>
        <form className="filters" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
          <TextField label="From" name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={figures.error} />
          <TextField label="To" name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={figures.error} />
        </form>
        <ErrorNotice error={figures.error} />
        {figures.data && <FiguresTable items={figures.data} />}
      </section>
      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">Agreements</h2>
        <ErrorNotice error={partners.error} />
        <ul className="list">
          {(partners.data ?? []).map((p) => (
            <li key={p.id} className="list-row column">
              <p>
                <strong>{p.name}</strong> {p.takingReferrals ? <span className="tag ok">Taking referrals</span> : <span className="tag warn">Not taking referrals</span>}
              </p>
              {p.agreementPurpose && <p>{p.agreementPurpose}</p>}
              <p className="muted small">
                Agreed response: {p.responseDays} days{p.waitWeeks != null ? ` · current wait about ${p.waitWeeks} weeks` : ''}
              </p>
              <ReviewsList partnerId={p.id} partnerName={p.name} canOpen />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
