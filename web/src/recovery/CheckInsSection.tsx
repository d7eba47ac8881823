import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { recoveryApi, type CheckIn, type LifeArea } from './api';
import type { NewCheckIn } from '../app/api-schema';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea } from '../ui/Field';
import { useForm } from '../ui/useForm';

const scale = Array.from({ length: 10 }, (_, i) => i + 1);

function CheckInForm({
  personId,
  areas,
  isPerson,
  onSaved,
}: {
  personId: string;
  areas: LifeArea[];
  isPerson: boolean;
  onSaved: () => void;
}) {
  const qc = useQueryClient();
  type Ratings = Record<string, string>;
  const save = useForm({
    initial: {
      person: {} as Ratings,
      worker: {} as Ratings,
      help: {} as Ratings,
      priorities: '',
      homeEnvironment: '',
      relationships: '',
    },
    submit: ({ person, worker, help, priorities, homeEnvironment, relationships }) =>
      recoveryApi.addCheckIn(personId, {
        // A person gives only their own rating; a worker's view goes beside it, never instead.
        ratings: areas
          .filter((a) => person[a.id] || worker[a.id])
          .map((a) => ({
            lifeAreaId: a.id,
            personRating: person[a.id] ? Number(person[a.id]) : null,
            workerRating: !isPerson && worker[a.id] ? Number(worker[a.id]) : null,
            whatWouldHelp: help[a.id] ?? '',
          })),
        priorities,
        homeEnvironment,
        relationships,
      } satisfies NewCheckIn),
    resetOnSuccess: true,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['check-ins', personId] });
      onSaved();
    },
  });
  const { person, worker, help } = save.values;
  const rate = (kind: 'person' | 'worker' | 'help', areaId: string, value: string) =>
    save.set(kind, { ...save.values[kind], [areaId]: value });
  return (
    <details>
      <summary>{isPerson ? 'Do a check-in' : 'Record a check-in'}</summary>
      <p className="hint">1 means very hard right now; 10 means going really well. Skip any area you like.</p>
      <ErrorNotice error={save.error} />
      <form onSubmit={save.onSubmit} noValidate>
        {areas.map((a) => (
          <fieldset key={a.id} className="field area">
            <legend>{a.name}</legend>
            <p className="hint">{a.description}</p>
            <SelectField
              label={isPerson ? 'How is this for me' : 'How it is for them, in their view'}
              name={`rating-${a.code}`}
              value={person[a.id] ?? ''}
              onChange={(e) => rate('person', a.id, e.target.value)}
            >
              <option value="">Not this time</option>
              {scale.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
            {!isPerson && (
              <SelectField
                label="Your view, beside theirs"
                name={`worker-${a.code}`}
                value={worker[a.id] ?? ''}
                onChange={(e) => rate('worker', a.id, e.target.value)}
              >
                <option value="">No view recorded</option>
                {scale.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
            )}
            {person[a.id] && (
              <TextArea
                label="What would help"
                name={`help-${a.code}`}
                rows={1}
                value={help[a.id] ?? ''}
                onChange={(e) => rate('help', a.id, e.target.value)}
              />
            )}
          </fieldset>
        ))}
        <TextArea
          label={isPerson ? 'What matters most to me right now' : 'What matters most to them right now'}
          rows={2}
          {...save.field('priorities')}
        />
        <TextArea
          label={isPerson ? 'How things are at home' : 'How things are at home, in their words'}
          rows={2}
          {...save.field('homeEnvironment')}
        />
        <TextArea
          label={isPerson ? 'The people who matter to me' : 'The people who matter to them'}
          rows={2}
          {...save.field('relationships')}
        />
        <button type="submit" className="primary" disabled={save.pending}>
          Save check-in
        </button>
      </form>
    </details>
  );
}

function Charts({ checkIns, areas }: { checkIns: CheckIn[]; areas: LifeArea[] }) {
  const [areaId, setAreaId] = useState(areas[0]?.id ?? '');
  const [latest, previous] = checkIns;
  const radar = useMemo(
    () =>
      areas
        .filter((a) => latest?.ratings.some((r) => r.lifeAreaId === a.id && r.personRating))
        .map((a) => ({
          area: a.name.split(' ')[0],
          Latest: latest?.ratings.find((r) => r.lifeAreaId === a.id)?.personRating ?? 0,
          Previous: previous?.ratings.find((r) => r.lifeAreaId === a.id)?.personRating ?? 0,
        })),
    [areas, latest, previous],
  );
  const line = useMemo(
    () =>
      [...checkIns]
        .reverse()
        .map((c) => {
          const r = c.ratings.find((x) => x.lifeAreaId === areaId);
          return { date: c.takenAt.slice(0, 10), Person: r?.personRating ?? null, Worker: r?.workerRating ?? null };
        })
        .filter((p) => p.Person !== null || p.Worker !== null),
    [checkIns, areaId],
  );
  if (!latest) return <p>No check-ins yet.</p>;
  return (
    <div className="charts">
      <figure>
        <figcaption>Latest check-in{previous ? ' beside the one before' : ''}</figcaption>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={300}>
            <RadarChart data={radar} outerRadius="70%" accessibilityLayer={false}>
              <PolarGrid />
              <PolarAngleAxis dataKey="area" tick={{ fontSize: 12 }} />
              <PolarRadiusAxis domain={[0, 10]} tickCount={6} />
              <Radar name="Latest" dataKey="Latest" stroke="#1f5f4a" fill="#1f5f4a" fillOpacity={0.35} />
              {previous && (
                <Radar name="Previous" dataKey="Previous" stroke="#b35c00" fill="#b35c00" fillOpacity={0.15} />
              )}
              <Legend />
            </RadarChart>
          </ResponsiveContainer>
        </div>
        <details>
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Life area</th>
                <th scope="col">Latest</th>
                <th scope="col">Previous</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => {
                const now = latest.ratings.find((r) => r.lifeAreaId === a.id);
                const before = previous?.ratings.find((r) => r.lifeAreaId === a.id);
                if (!now && !before) return null;
                return (
                  <tr key={a.id}>
                    <td>{a.name}</td>
                    <td>{now?.personRating ?? '—'}</td>
                    <td>{before?.personRating ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      </figure>
      <figure>
        <figcaption>One area over time</figcaption>
        <SelectField label="Life area" name="chart-area" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={line} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" tick={{ fontSize: 12 }} />
              <YAxis domain={[1, 10]} tickCount={10} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="Person" name="The person" stroke="#1f5f4a" strokeWidth={2} connectNulls />
              <Line
                type="monotone"
                dataKey="Worker"
                name="Worker's view"
                stroke="#b35c00"
                strokeDasharray="5 5"
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <p className="visually-hidden">{line.map((p) => `${p.date}: ${p.Person ?? 'no rating'}`).join('; ')}</p>
      </figure>
    </div>
  );
}

export function CheckInsSection({
  personId,
  canWrite,
  isPerson,
}: {
  personId: string;
  canWrite: boolean;
  isPerson: boolean;
}) {
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const checkIns = useQuery({ queryKey: ['check-ins', personId], queryFn: () => recoveryApi.checkIns(personId) });
  const [saved, setSaved] = useState(false);
  const active = (areas.data ?? []).filter((a) => a.active);
  return (
    <section aria-labelledby="checkins-title">
      <h2 id="checkins-title">{isPerson ? 'How life is going' : 'Life areas'}</h2>
      {saved && <SuccessNotice>Check-in saved. Thank you.</SuccessNotice>}
      <ErrorNotice error={areas.error ?? checkIns.error} />
      {checkIns.data && <Charts checkIns={checkIns.data} areas={active} />}
      {canWrite && active.length > 0 && (
        <CheckInForm personId={personId} areas={active} isPerson={isPerson} onSaved={() => setSaved(true)} />
      )}
    </section>
  );
}
