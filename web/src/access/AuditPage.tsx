import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from './api';
import { query } from '../app/api';
import { useFormatTime } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

export function AuditPage() {
  const formatTime = useFormatTime();
  const [filters, setFilters] = useState<AuditFilters>({});
  const form = useForm({
    initial: { action: '', outcome: '', from: '', to: '' },
    // An empty box filters nothing.
    submit: (v) => setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== ''))),
  });
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => auditApi.list(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle title="Audit log" />
      <p className="lead">
        Every sign-in, change and refusal, newest first. Entries are chained so that any later edit shows.
      </p>
      <form className="filters" onSubmit={form.onSubmit} aria-label="Filter the audit log">
        <TextField label="Action starts with" hint="For example user, team or auth.login" {...form.field('action')} />
        <SelectField label="Outcome" {...form.field('outcome')}>
          <option value="">Any outcome</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Refused</option>
        </SelectField>
        <TextField label="From" type="date" {...form.field('from')} error={events.error} />
        <TextField label="Before" type="date" {...form.field('to')} error={events.error} />
        <button type="submit">Filter</button>
      </form>
      <ErrorNotice error={events.error} />
      <p>
        <a href={`/api/v1/audit-events/export${query({ ...filters })}`} download>
          Download these entries as CSV
        </a>{' '}
        <span className="muted small">(the download is recorded in the log)</span>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Audit events</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Record</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq}>
                <td>{formatTime(e.at)}</td>
                <td>
                  {e.actorName ?? (e.actorId ? 'Unknown user' : 'Trellis')}
                  <div className="muted small">{e.actorRole ?? 'system'}</div>
                </td>
                <td>
                  {e.action}
                  {e.detail && <div className="muted small">{e.detail}</div>}
                </td>
                <td className="mono small">
                  {e.entityType} {e.entityId.slice(0, 8)}
                </td>
                <td>{e.outcome === 'denied' ? 'Refused' : e.outcome === 'failure' ? 'Failure' : 'Success'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!events.isPending && rows.length === 0 && <p>No entries match these filters.</p>}
      {events.hasNextPage && (
        <button type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          Show older entries
        </button>
      )}
    </>
  );
}
