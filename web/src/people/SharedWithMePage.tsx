import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { peopleApi, shareableParts } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';

/** For a supporter: who has chosen to share parts of their record with them. */
export function SharedWithMePage() {
  const shared = useQuery({ queryKey: ['shared-with-me'], queryFn: peopleApi.sharedWithMe });
  const people = new Map<string, { name: string; parts: Set<string> }>();
  for (const k of shared.data ?? []) {
    const entry = people.get(k.personId) ?? { name: k.personName, parts: new Set<string>() };
    k.parts.forEach((p) => entry.parts.add(shareableParts.find((s) => s.part === p)?.label.replace(/^My /, '') ?? p));
    people.set(k.personId, entry);
  }
  return (
    <>
      <PageTitle title="Shared with you" />
      <ErrorNotice error={shared.error} />
      {shared.data && people.size === 0 && <p>Nobody is sharing their record with you at the moment.</p>}
      <ul className="cards">
        {[...people.entries()].map(([id, p]) => (
          <li key={id} className="card">
            <Link to={`/people/${id}`}>{p.name}</Link>
            <span className="muted small">Shares: {[...p.parts].join('; ')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
