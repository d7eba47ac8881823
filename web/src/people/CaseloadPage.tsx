import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
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

/** What the live region says of the rows shown. */
export function shownPeople(count: number, more: boolean): string {
  if (count === 0) return '';
  if (more) return `Showing the first ${count} people`;
  return count === 1 ? 'Showing 1 person' : `Showing all ${count} people`;
}

export function CaseloadPage() {
  const { can } = useSession();
  const [q, setQ] = useState('');
  const form = useForm({ initial: { q: '' }, submit: (v) => setQ(v.q.trim()) });
  // A page at a time: a caseload can be longer than one page, and nobody on it may be left out.
  const people = useInfiniteQuery({
    queryKey: ['caseload', q],
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => peopleApi.caseload(q || undefined, pageParam),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = people.data?.pages.flatMap((p) => p.items);
  const shown = rows?.length ?? 0;
  // After "Show more people", focus goes to the first person the next page added.
  const table = useRef<HTMLTableSectionElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || shown <= from) return;
    focusFrom.current = null;
    table.current?.querySelectorAll<HTMLAnchorElement>('tr a')[from]?.focus();
  }, [shown]);
  const showMore = () => {
    if (people.isFetchingNextPage) return;
    focusFrom.current = shown;
    void people.fetchNextPage().then((r) => {
      if (r.isError) focusFrom.current = null;
    });
  };
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
          <tbody ref={table}>
            {(rows ?? []).map((p) => (
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
      {/* Always there, so each new count is announced. */}
      <p className="muted" role="status">
        {shownPeople(shown, !!people.hasNextPage)}
      </p>
      {people.hasNextPage && (
        <button type="button" onClick={showMore} aria-disabled={people.isFetchingNextPage}>
          Show more people
        </button>
      )}
      {rows && rows.length === 0 && <p>No one on your caseload matches. Try part of a name.</p>}
      <FindAnyone />
    </>
  );
}

export { formatDay };
