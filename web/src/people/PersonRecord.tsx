// A person's record as the reader may see it: the care team sees every part, the person sees
// their own, and a supporter sees only what the person shared. The server decides; this page
// shows the parts it was given. Each area contributes its own sections (see app/area.ts).
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../app/api';
import type { RecordView } from '../app/area';
import { useRecordSections } from '../app/AreasContext';
import { peopleApi, type Part } from './api';
import { BreakGlassPrompt } from './BreakGlassPrompt';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';

export function PersonRecord({ personId }: { personId: string }) {
  const recordSections = useRecordSections();
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => peopleApi.get(personId).then((r) => r.data),
  });
  if (person.isPending) return <p>Loading…</p>;
  if (person.error) {
    const e = person.error;
    if (e instanceof ApiError && e.code === 'break_glass_available') {
      return (
        <>
          <PageTitle title="This record needs a reason to open" />
          <BreakGlassPrompt personId={personId} />
        </>
      );
    }
    return (
      <>
        <PageTitle title="We could not open this record" />
        <ErrorNotice error={e} />
      </>
    );
  }
  const p = person.data;
  const parts = p.visibleParts;
  const isPerson = p.access === 'self';
  const staff = p.access === 'care_team' || p.access === 'break_glass';
  // What this user may change, part by part, as the server's role table says.
  const may = (part: Part) => p.changeableParts.includes(part);
  const record: RecordView = { person: p, parts, may, isPerson, staff };
  const sections = recordSections.filter((s) => s.shows(record));
  return (
    <>
      <PageTitle title={isPerson ? `Hello, ${p.preferredName || p.givenName}` : p.displayName}>
        {p.pronouns && !isPerson && <span className="muted">{p.pronouns}</span>}
        {staff && (
          <Link className="button-link" to={`/people/${p.id}/summary`}>
            One-page summary
          </Link>
        )}
      </PageTitle>
      {p.access === 'break_glass' && (
        <p className="tag warn">Opened with break-the-glass access: this is recorded and reviewed.</p>
      )}
      {p.access === 'consent' && (
        <p className="lead">{p.displayName} has chosen to share these parts of their record with you.</p>
      )}
      <nav aria-label="Parts of the record" className="in-page">
        <ul>
          {sections
            .filter((s) => s.anchor && s.label)
            .map((s) => (
              <li key={s.key}>
                <a href={`#${s.anchor}`}>{s.label}</a>
              </li>
            ))}
        </ul>
      </nav>
      {sections.map((s) =>
        s.anchor ? (
          <div key={s.key} id={s.anchor}>
            {s.render(record)}
          </div>
        ) : (
          <Fragment key={s.key}>{s.render(record)}</Fragment>
        ),
      )}
    </>
  );
}
