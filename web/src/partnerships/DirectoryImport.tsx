// Bringing services into the directory from an Open Referral HSDS export: a JSON file, or the
// CSV files of a tabular export. The server checks every record first (a file with any problem
// changes nothing and each problem is listed), then applies it while this shows how far it got.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../app/api';
import { directoryApi, type ImportBody } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';

async function bodyFrom(files: File[]): Promise<ImportBody> {
  const csv = files.filter((f) => f.name.toLowerCase().endsWith('.csv'));
  if (csv.length > 0) {
    const tables: Record<string, string> = {};
    for (const f of csv) tables[f.name] = await f.text();
    return { tables };
  }
  if (files.length !== 1) throw new Error('Choose one JSON file, or the CSV files of a tabular export.');
  try {
    return JSON.parse(await files[0].text());
  } catch {
    throw new Error(`${files[0].name} is not JSON. Check it was saved as UTF-8 JSON.`);
  }
}

function Progress({ id }: { id: string }) {
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: ['directory-import', id],
    queryFn: async () => {
      const j = await directoryApi.importProgress(id);
      if (j.state === 'applied') void qc.invalidateQueries({ queryKey: ['directory'] });
      return j;
    },
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 400 : false),
  });
  const j = job.data;
  if (job.error) return <ErrorNotice error={job.error} />;
  if (!j) return <p role="status">Starting the import…</p>;
  if (j.state === 'failed')
    return (
      <ErrorNotice
        error={
          new ApiError({
            status: 500,
            title: j.error?.title ?? 'The import stopped',
            detail: `${j.error?.detail ?? ''} Nothing was changed.`,
          })
        }
      />
    );
  if (j.state === 'applied')
    return (
      <SuccessNotice>
        Import finished: {j.added} added, {j.updated} updated, {j.unchanged} already up to date.
      </SuccessNotice>
    );
  return (
    <div role="status" className="import-progress">
      <label htmlFor="import-progress">
        Importing: {j.done.toLocaleString()} of {j.total.toLocaleString()} records
      </label>
      <progress id="import-progress" max={j.total} value={j.done} />
    </div>
  );
}

export function DirectoryImport() {
  const [problem, setProblem] = useState<unknown>(null);
  const start = useMutation({
    mutationFn: async (files: File[]) => directoryApi.startImport(await bodyFrom(files)),
    onError: (e) =>
      setProblem(
        e instanceof ApiError
          ? e
          : new ApiError({ status: 400, title: 'That file could not be read', detail: (e as Error).message }),
      ),
  });
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Bring in services</h2>
      <p className="muted">
        An Open Referral HSDS 3.0 export: one JSON file, or all the CSV files of a tabular export. If any record needs
        fixing, nothing is changed and each problem is listed.
      </p>
      <ErrorNotice error={problem} />
      {start.data && <Progress id={start.data.id} />}
      <label htmlFor="hsds-file" className="field-label">
        HSDS file (JSON) or CSV files
      </label>
      <input
        id="hsds-file"
        type="file"
        multiple
        accept="application/json,.json,text/csv,.csv"
        disabled={start.isPending}
        onChange={(e) => {
          setProblem(null);
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) start.mutate(files);
          e.target.value = '';
        }}
      />
      <p>
        <a href="/api/v1/directory/export" download>
          Download the directory as HSDS JSON
        </a>
      </p>
    </section>
  );
}
