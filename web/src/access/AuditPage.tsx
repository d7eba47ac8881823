import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from './api';
import { query } from '../app/api';
import { useFormatTime } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

export function AuditPage() {
  const formatTime = useFormatTime();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => auditApi.list(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value || undefined }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
  }
  return (
    <>
      <PageTitle title="Audit log" />
      <p className="lead">Every sign-in, change and refusal, newest first. Entries are chained so that any later edit shows.</p>
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
        <TextField label="Action starts with" name="action" hint="For example user, team or auth.login" value={draft.action ?? ''} onChange={set('action')} />
        <SelectField label="Outcome" name="outcome" value={draft.outcome ?? ''} onChange={set('outcome')}>
          <option value="">Any outcome</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Refused</option>
        </SelectField>
        <TextField label="From" name="from" type="date" value={draft.from ?? ''} onChange={set('from')} error={events.error} />
        <TextField label="Before" name="to" type="date" value={draft.to ?? ''} onChange={set('to')} error={events.error} />
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
