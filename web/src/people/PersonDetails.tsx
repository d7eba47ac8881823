// The person's details in their record, and the editor for those who may change them.
import { useState } from 'react';
import type { PersonRecord } from './api';
import { formatDay } from './CaseloadPage';
import { DetailsEditor } from './DetailsEditor';

/** The details the record came with: all of them with the profile part, else none. */
function Details({ person }: { person: PersonRecord }) {
  const languages = [person.languages, person.interpreterNeeded ? '(would like an interpreter)' : '']
    .filter(Boolean)
    .join(' ');
  const facts: [string, string | undefined][] = [
    ['Pronouns', person.pronouns],
    ['Date of birth', formatDay(person.dateOfBirth)],
    ['Phone', person.phone],
    ['Email', person.email],
    ['Languages', languages],
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

export function PersonDetails({ person, shown, canEdit }: { person: PersonRecord; shown: boolean; canEdit: boolean }) {
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
