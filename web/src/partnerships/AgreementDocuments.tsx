// The signed agreement and other documents kept with a partnership; every upload is kept.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { partnersApi, type Partner } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';

export function AgreementDocuments({ partner }: { partner: Partner }) {
  const qc = useQueryClient();
  const key = ['partner-documents', partner.id];
  const docs = useQuery({ queryKey: key, queryFn: () => partnersApi.documents(partner.id) });
  const attach = useMutation({
    mutationFn: (file: File) => partnersApi.attach(partner.id, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const inputId = `doc-${partner.id}`;
  return (
    <div>
      <ErrorNotice error={docs.error ?? attach.error} />
      {(docs.data ?? []).length > 0 && (
        <ul aria-label={`Documents for ${partner.name}`}>
          {(docs.data ?? []).map((d) => (
            <li key={d.id}>
              <a href={partnersApi.documentUrl(partner.id, d.id)} download={d.name}>
                {d.name}
              </a>{' '}
              <span className="muted small">
                ({Math.max(1, Math.round(d.sizeBytes / 1024))} KB, added {d.uploadedAt.slice(0, 10)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="field-label">
        Attach a document<span className="visually-hidden"> to the agreement with {partner.name}</span>
      </label>
      <p className="hint">PDF, Word, OpenDocument or text, up to 700 KB.</p>
      <input
        id={inputId}
        type="file"
        accept=".pdf,.doc,.docx,.odt,.txt,application/pdf,text/plain"
        disabled={attach.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) attach.mutate(file);
          e.target.value = '';
        }}
      />
      {attach.isPending && <p role="status">Attaching…</p>}
    </div>
  );
}
