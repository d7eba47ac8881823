// A person's record as the reader may see it: the care team sees every part, the person sees
// their own, and a supporter sees only what the person shared. The server decides; this page
// shows the parts it was given.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DetailsEditor } from './DetailsEditor';
import { ApiError } from '../app/api';
import { peopleApi, type Part, type Person } from './api';
import { BreakGlassPrompt } from './BreakGlassPrompt';
import { SupportersSection } from './SupportersSection';
import { CareTeamSection } from './CareTeamSection';
import { PlanSection } from '../recovery/PlanSection';
import { GoalsSection } from '../recovery/GoalsSection';
import { CheckInsSection } from '../recovery/CheckInsSection';
import { AdvanceStatementSection } from '../recovery/AdvanceStatementSection';
import { AppointmentPrepSection } from '../recovery/AppointmentPrepSection';
import { Link } from 'react-router-dom';
import { ReferralsSection } from '../partnerships/ReferralsSection';
import { SharedCareSection } from '../partnerships/SharedCareSection';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';
import { formatDay } from './CaseloadPage';

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

export function PersonRecord({ personId }: { personId: string }) {
  const [editingDetails, setEditingDetails] = useState(false);
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => peopleApi.get(personId).then((r) => r.data) });
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
  const parts = p.visibleParts ?? [];
  const isPerson = p.access === 'self';
  const staff = p.access === 'care_team' || p.access === 'break_glass';
  // What this user may change, part by part, as the server's role table says.
  const may = (part: Part) => (p.changeableParts ?? []).includes(part);
  const sections = [
    ['advance', 'Advance statement', parts.includes('advance_statement')],
    ['plan', 'Plan', parts.includes('plan')],
    ['goals', 'Goals', parts.includes('goals')],
    ['checkins', 'Life areas', parts.includes('check_ins')],
    ['referrals', 'Referrals', parts.includes('referrals')],
    ['supporters', 'Supporters', parts.includes('supporters')],
    ['care-team', 'Care team', parts.includes('care_team')],
  ] as const;
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
      {p.access === 'break_glass' && <p className="tag warn">Opened with break-the-glass access: this is recorded and reviewed.</p>}
      {p.access === 'consent' && <p className="lead">{p.displayName} has chosen to share these parts of their record with you.</p>}
      <nav aria-label="Parts of the record" className="in-page">
        <ul>
          {sections
            .filter(([, , shown]) => shown)
            .map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
        </ul>
      </nav>
      {parts.includes('advance_statement') && (
        <div id="advance">
          <AdvanceStatementSection personId={p.id} canWrite={may('advance_statement')} isPerson={isPerson} />
        </div>
      )}
      {parts.includes('profile') && !editingDetails && <Details person={p} />}
      {may('profile') && editingDetails && <DetailsEditor person={p} onDone={() => setEditingDetails(false)} />}
      {may('profile') && !editingDetails && (
        <button type="button" onClick={() => setEditingDetails(true)}>
          Edit details
        </button>
      )}
      {isPerson && <AppointmentPrepSection personId={p.id} />}
      {parts.includes('plan') && (
        <div id="plan">
          <PlanSection personId={p.id} canWrite={may('plan')} isPerson={isPerson} visibleParts={parts} />
        </div>
      )}
      {parts.includes('goals') && (
        <div id="goals">
          <GoalsSection personId={p.id} canWrite={may('goals')} isPerson={isPerson} />
        </div>
      )}
      {parts.includes('check_ins') && (
        <div id="checkins">
          <CheckInsSection personId={p.id} canWrite={may('check_ins')} isPerson={isPerson} />
        </div>
      )}
      {parts.includes('referrals') && (
        <div id="referrals">
          <ReferralsSection personId={p.id} staff={staff && may('referrals')} isPerson={isPerson} address={p.address} name={p.displayName} />
        </div>
      )}
      {parts.includes('supporters') && (
        <div id="supporters">
          <SupportersSection person={p} canWrite={may('supporters')} canShare={may('consent')} canInvite={may('sign_ins')} />
        </div>
      )}
      {parts.includes('care_team') && (
        <div id="shared-care">
          <SharedCareSection personId={p.id} staff={staff && may('care_team')} />
        </div>
      )}
      {parts.includes('care_team') && (
        <div id="care-team">
          <CareTeamSection person={p} canChange={may('care_team')} canInvite={may('sign_ins')} isPerson={isPerson} />
        </div>
      )}
    </>
  );
}
