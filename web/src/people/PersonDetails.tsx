// The person's details in their record, and the editor for those who may change them.
import { useState } from 'react';
import type { Person } from './api';
import { formatDay } from './CaseloadPage';
import { DetailsEditor } from './DetailsEditor';

function Details({ person }: { person: Person }) {
  const facts: [string, string][] = [
    ['Pronouns', person.pronouns],
    ['Date of birth', formatDay(person.dateOfBirth)],
    ['Phone', person.phone],
    ['Email', person.email],
    ['Languages', person.languages + (person.interpreterNeeded ? ' (would like an interpreter)' : '')],
    ['Cultural identity', person.culturalIdentity],
    ['Communication and accessibility', person.communicationNeeds],
    ['Other services involved', person.otherProviders],
    ['Receiving support since', formatDay(person.supportStartedOn)],
  ];
  return (
    <dl className="facts">
      {facts
        .filter(([, v]) => v && v !== '—')
        .map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function PersonDetails({ person, shown, canEdit }: { person: Person; shown: boolean; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (canEdit && editing) return <DetailsEditor person={person} onDone={() => setEditing(false)} />;
  return (
    <>
      {shown && <Details person={person} />}
      {canEdit && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit details
        </button>
      )}
    </>
  );
}
