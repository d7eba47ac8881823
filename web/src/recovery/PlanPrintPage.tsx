// The recovery plan on paper: the person's words, who wrote each part, and the agreement.
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { peopleApi } from '../people/api';
import { recoveryApi, writtenSections } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';

export function PlanPrintPage() {
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => peopleApi.get(id).then((r) => r.data) });
  const plan = useQuery({ queryKey: ['plan', id], queryFn: () => recoveryApi.plan(id).then((r) => r.data) });
  const goals = useQuery({ queryKey: ['goals', id], queryFn: () => recoveryApi.goals(id) });
  if (person.error || plan.error) return <ErrorNotice error={person.error ?? plan.error} />;
  if (!person.data || !plan.data) return <p>Loading…</p>;
  const p = plan.data;
  return (
    <article className="print-plan">
      <p className="no-print">
        <Link to={person.data.access === 'self' ? '/me' : `/people/${id}`}>← Back</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PageTitle title={`${person.data.displayName}’s recovery plan`} />
      <p className="muted">
        Version {p.version}
        {p.reviewOn ? ` · next review ${p.reviewOn}` : ''} ·{' '}
        {p.agreedByPerson ? 'agreed by ' + (person.data.preferredName || person.data.givenName) : 'not yet agreed'}
      </p>
      {(['plan', 'wellness', 'safety'] as const).map((group) => {
        const parts = writtenSections(p.sections, (s) => s.group === group);
        if (parts.length === 0) return null;
        return (
          <section
            key={group}
            aria-label={group === 'plan' ? 'My plan' : group === 'wellness' ? 'Wellness plan' : 'Feeling safe'}
          >
            <h2>{group === 'plan' ? 'My plan' : group === 'wellness' ? 'My wellness plan' : 'Feeling safe'}</h2>
            {parts.map((s) => (
              <div key={s.key} className="plan-part">
                <h3>{s.label}</h3>
                <p className="prewrap">{s.written.text}</p>
                <p className="muted small">
                  {s.written.writtenBy === 'person' ? 'In my own words' : `Written by ${s.written.writtenByName}`}
                </p>
              </div>
            ))}
          </section>
        );
      })}
      {(goals.data ?? []).length > 0 && (
        <section aria-label="Goals">
          <h2>My goals</h2>
          <ul>
            {goals.data!.map((g) => (
              <li key={g.id}>
                <strong>{g.title}</strong> ({g.status.replace('_', ' ')})
                <ul>
                  {g.steps.map((s) => (
                    <li key={s.id}>
                      {s.status === 'done' ? '✓ ' : '☐ '}
                      {s.description}
                      {s.dueOn ? ` — by ${s.dueOn}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
