import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { historyApi, writtenSections } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Earlier versions of the plan, each as it was, with who changed it and when. */
export function PlanHistory({ personId }: { personId: string }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['plan-history', personId],
    queryFn: () => historyApi.plan(personId),
    enabled: open,
  });
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Earlier versions of the plan</summary>
      <ErrorNotice error={history.error} />
      {history.data?.length === 0 && <p>This is the first version.</p>}
      <ol reversed className="history">
        {(history.data ?? []).map((v) => (
          <li key={v.version}>
            <p>
              <strong>Version {v.version}</strong>{' '}
              <span className="muted small">
                until {v.changedAt.slice(0, 10)}
                {v.changedByName ? `, last changed by ${v.changedByName}` : ''}
              </span>
            </p>
            <dl>
              {writtenSections(v.data.sections).map((s) => (
                <div key={s.key}>
                  <dt>{s.label}</dt>
                  <dd className="prewrap">{s.written.text}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
