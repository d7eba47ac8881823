// The worker's one page at the start of an appointment: what the person wants to talk about,
// their plan at a glance, goals with the next steps, and how life areas have moved. Prints on
// one sheet.
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { peopleApi } from './api';
import { advanceApi, prepApi, recoveryApi, writtenSections, type PlanSectionKey } from '../recovery/api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';

/** The plan's sections the summary shows. */
const kAtAGlance: PlanSectionKey[] = ['hopes', 'whatHelps', 'whatDoesNotHelp'];

export function SummaryPage() {
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => peopleApi.get(id).then((r) => r.data) });
  const prep = useQuery({ queryKey: ['preps', id], queryFn: () => prepApi.list(id), enabled: !!person.data });
  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: () => recoveryApi.plan(id).then((r) => r.data),
    enabled: !!person.data,
  });
  const goals = useQuery({ queryKey: ['goals', id], queryFn: () => recoveryApi.goals(id), enabled: !!person.data });
  const checkIns = useQuery({
    queryKey: ['check-ins', id],
    queryFn: () => recoveryApi.checkIns(id),
    enabled: !!person.data,
  });
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const advance = useQuery({ queryKey: ['advance', id], queryFn: () => advanceApi.list(id), enabled: !!person.data });
  if (person.error) return <ErrorNotice error={person.error} />;
  if (!person.data) return <p>Loading…</p>;
  const p = person.data;
  const latestPrep = prep.data?.[0];
  const [latest, previous] = checkIns.data ?? [];
  const current = advance.data?.items.find((s) => s.status === 'current');
  const openGoals = (goals.data ?? []).filter((g) => g.status !== 'achieved' && g.status !== 'set_aside');
  return (
    <div className="summary">
      <p className="no-print">
        <Link to={`/people/${id}`}>← Back to the full record</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          Print this page
        </button>
      </p>
      <PageTitle title={`${p.displayName}: getting ready`}>
        {p.pronouns && <span className="muted">{p.pronouns}</span>}
      </PageTitle>
      {current && (
        <p className="panel important">
          <strong>Advance statement in place</strong> (signed {current.signedOn}): {current.treatmentPreferences}
        </p>
      )}
      <section aria-labelledby="s-prep">
        <h2 id="s-prep">What {p.preferredName || p.givenName} wants to talk about</h2>
        {latestPrep ? (
          <dl className="facts">
            {latestPrep.howThingsHaveBeen && (
              <div className="fact">
                <dt>How things have been</dt>
                <dd>{latestPrep.howThingsHaveBeen}</dd>
              </div>
            )}
            {latestPrep.wantToTalkAbout && (
              <div className="fact">
                <dt>To talk about</dt>
                <dd>{latestPrep.wantToTalkAbout}</dd>
              </div>
            )}
            {latestPrep.whatHelps && (
              <div className="fact">
                <dt>What helps in appointments</dt>
                <dd>{latestPrep.whatHelps}</dd>
              </div>
            )}
            {latestPrep.wantTreatmentToHelp && (
              <div className="fact">
                <dt>Wants support to help with</dt>
                <dd>{latestPrep.wantTreatmentToHelp}</dd>
              </div>
            )}
            <div className="fact">
              <dt>Written</dt>
              <dd>{latestPrep.writtenAt.slice(0, 10)}</dd>
            </div>
          </dl>
        ) : (
          <p>Nothing written yet. Ask what they would like to talk about.</p>
        )}
      </section>
      <section aria-labelledby="s-plan">
        <h2 id="s-plan">Plan at a glance</h2>
        <dl className="facts">
          {plan.data &&
            writtenSections(plan.data.sections, (s) => kAtAGlance.includes(s.key)).map((s) => (
              <div className="fact" key={s.key}>
                <dt>{s.label}</dt>
                <dd>{s.written.text}</dd>
              </div>
            ))}
        </dl>
        {plan.data?.reviewOn && <p>Plan review: {plan.data.reviewOn}</p>}
      </section>
      <section aria-labelledby="s-goals">
        <h2 id="s-goals">Goals under way</h2>
        <ul>
          {openGoals.map((g) => (
            <li key={g.id}>
              <strong>{g.title}</strong>
              {g.steps.filter((s) => s.status !== 'done').length > 0 && (
                <span>
                  {' '}
                  — next:{' '}
                  {g.steps
                    .filter((s) => s.status !== 'done')
                    .map((s) => s.description)
                    .join('; ')}
                </span>
              )}
            </li>
          ))}
        </ul>
        {openGoals.length === 0 && <p>No goals under way.</p>}
      </section>
      <section aria-labelledby="s-areas">
        <h2 id="s-areas">Life areas since last time</h2>
        {latest ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Life area</th>
                <th scope="col">Now</th>
                <th scope="col">Before</th>
              </tr>
            </thead>
            <tbody>
              {(areas.data ?? []).map((a) => {
                const now = latest.ratings.find((r) => r.lifeAreaId === a.id)?.personRating;
                const before = previous?.ratings.find((r) => r.lifeAreaId === a.id)?.personRating;
                if (now == null) return null;
                const change = before == null ? '' : now > before ? ' (up)' : now < before ? ' (down)' : ' (same)';
                return (
                  <tr key={a.id}>
                    <td>{a.name}</td>
                    <td>
                      {now}
                      {change}
                    </td>
                    <td>{before ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p>No check-ins yet.</p>
        )}
      </section>
    </div>
  );
}
