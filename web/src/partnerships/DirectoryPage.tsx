// The service directory: find services for a person's goals; administrators bring in an
// Open Referral HSDS file and can download the directory as one.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/session';
import { ApiError } from '../app/api';
import { directoryApi } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

function ImportForm() {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (text: string) => directoryApi.import(text),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['directory'] }),
    onError: (e) =>
      setError(e instanceof ApiError ? e : new ApiError({ status: 400, title: 'That file could not be read', detail: String((e as Error).message) })),
  });
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Bring in services</h2>
      <p className="muted">An Open Referral HSDS 3.0 JSON file. If any record needs fixing, nothing is changed and each problem is listed.</p>
      {upload.isPending && <p role="status">Importing…</p>}
      {upload.data && (
        <SuccessNotice>
          {upload.data.added} added, {upload.data.updated} updated, {upload.data.unchanged} already up to date.
        </SuccessNotice>
      )}
      <ErrorNotice error={error} />
      <label htmlFor="hsds-file" className="field-label">
        HSDS JSON file
      </label>
      <input
        id="hsds-file"
        type="file"
        accept="application/json,.json"
        onChange={async (e) => {
          setError(null);
          const file = e.target.files?.[0];
          if (file) upload.mutate(await file.text());
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

export function DirectoryPage() {
  const { can } = useSession();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['directory', q], queryFn: () => directoryApi.find(q) });
  return (
    <>
      <PageTitle title="Service directory" />
      <form
        className="filters"
        role="search"
        aria-label="Find a service"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <TextField label="What are you looking for?" name="q" hint="For example counselling, housing, food" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Find</button>
      </form>
      <ErrorNotice error={found.error} />
      <ul className="list">
        {(found.data ?? []).map((s) => (
          <li key={s.id} className="list-row column">
            <p>
              <strong>{s.name}</strong> {s.status !== 'active' && <span className="tag warn">{s.status}</span>}
            </p>
            <p className="muted">{s.description}</p>
            {s.languages && <p className="small">Languages: {s.languages.replace(/,/g, ', ')}</p>}
          </li>
        ))}
      </ul>
      {found.data?.length === 0 && <p>No services match. Try a different word.</p>}
      {can('manage_directory') && <ImportForm />}
    </>
  );
}
