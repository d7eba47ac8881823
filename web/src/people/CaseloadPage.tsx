import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../app/session';
import { peopleApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

/** A date, or the date of a time, as 23 Nov 2026; a dash when there is none. */
function formatDay(day: string | null | undefined) {
  if (!day) return '—';
  return new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-AU', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function FindAnyone() {
  const [q, setQ] = useState('');
  const form = useForm({ initial: { q: '' }, submit: (v) => setQ(v.q.trim()) });
  const found = useQuery({
    queryKey: ['people-search', q],
    queryFn: () => peopleApi.search(q),
    enabled: q.length >= 2,
  });
  return (
    <section aria-labelledby="find-title">
      <h2 id="find-title">Find someone not on your caseload</h2>
      <p className="muted">Opening their record needs a reason, and is recorded and reviewed.</p>
      <form className="filters" role="search" aria-label="Find anyone" onSubmit={form.onSubmit}>
        <TextField label="Their name" {...form.field('q')} error={found.error} />
        <button type="submit">Find</button>
      </form>
      <ErrorNotice error={found.error} />
      {found.data && (
        <ul className="list">
          {found.data.items.map((p) => (
            <li key={p.id} className="list-row">
              <Link to={`/people/${p.id}`}>{p.displayName}</Link>
              <span className="muted">born {formatDay(p.dateOfBirth)}</span>
            </li>
          ))}
          {found.data.items.length === 0 && <li className="list-row">Nobody by that name.</li>}
        </ul>
      )}
    </section>
  );
}

export function CaseloadPage() {
  const { can } = useSession();
  const [q, setQ] = useState('');
  const form = useForm({ initial: { q: '' }, submit: (v) => setQ(v.q.trim()) });
  const people = useQuery({ queryKey: ['caseload', q], queryFn: () => peopleApi.caseload(q || undefined) });
  return (
    <>
      <PageTitle title="People we support">
        {can('add_people') && (
          <Link className="button-link" to="/people/new">
            Add a person
          </Link>
        )}
      </PageTitle>
      <form className="filters" role="search" aria-label="Search your caseload" onSubmit={form.onSubmit}>
        <TextField
          label="Search by name"
          hint="Part of a name is enough; accents do not matter."
          {...form.field('q')}
          name="caseload-q"
        />
        <button type="submit">Search</button>
      </form>
      <ErrorNotice error={people.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Your caseload</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Plan review</th>
              <th scope="col">Last check-in</th>
              <th scope="col">Latest change</th>
            </tr>
          </thead>
          <tbody>
            {(people.data?.items ?? []).map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/people/${p.id}`}>{p.displayName}</Link>
                  {p.pronouns && <span className="muted small"> ({p.pronouns})</span>}
                </td>
                <td>
                  {formatDay(p.reviewOn)} {p.reviewOverdue && <span className="tag warn">Review due</span>}
                </td>
                <td>{formatDay(p.lastCheckIn)}</td>
                <td>{formatDay(p.lastChange)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {people.data && people.data.items.length === 0 && <p>No one on your caseload matches. Try part of a name.</p>}
      <FindAnyone />
    </>
  );
}

export { formatDay };
