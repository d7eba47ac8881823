// Administration: what this organisation asks of an advance statement. Jurisdictions differ,
// so the witnessing rules are the organisation's to set.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { statementRulesApi, type AdvanceStatementRules } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';

const labels: [keyof AdvanceStatementRules, string][] = [
  ['witnessRequired', 'A witness must sign'],
  ['witnessRoleRequired', 'Record the witness’s role or authority (for example an authorised witness)'],
  ['nominatedSupportRequired', 'A nominated support person must be named'],
];

export function StatementRulesPage() {
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['statement-rules'], queryFn: statementRulesApi.get });
  const [draft, setDraft] = useState<AdvanceStatementRules | null>(null);
  useEffect(() => {
    if (rules.data) setDraft(rules.data);
  }, [rules.data]);
  const save = useMutation({
    mutationFn: () => statementRulesApi.set(draft!),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['statement-rules'] }),
  });
  return (
    <>
      <PageTitle title="Advance statements" />
      <p className="lead">What your organisation asks of a person’s advance statement. Check your state’s mental health law.</p>
      {save.isSuccess && <SuccessNotice>Saved. New statements follow these rules; earlier ones are kept as they were.</SuccessNotice>}
      <ErrorNotice error={rules.error ?? save.error} />
      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <fieldset className="field">
            <legend>Requirements</legend>
            {labels.map(([key, label]) => (
              <div className="check" key={key}>
                <input id={`rule-${key}`} type="checkbox" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} />
                <label htmlFor={`rule-${key}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
