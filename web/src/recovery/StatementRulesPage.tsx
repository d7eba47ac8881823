// Administration: what this organisation asks of an advance statement. Jurisdictions differ,
// so the witnessing rules are the organisation's to set.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { statementRulesApi, type AdvanceStatementRules } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

const labels: [keyof AdvanceStatementRules, string][] = [
  ['witnessRequired', 'A witness must sign'],
  ['witnessRoleRequired', 'Record the witness’s role or authority (for example an authorised witness)'],
  ['nominatedSupportRequired', 'A nominated support person must be named'],
];

/** The form, once the rules in force are known (they are its starting values). */
function RulesForm({ rules }: { rules: AdvanceStatementRules }) {
  const qc = useQueryClient();
  const save = useForm({
    initial: rules,
    submit: statementRulesApi.set,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['statement-rules'] }),
  });
  return (
    <>
      {save.succeeded && (
        <SuccessNotice>Saved. New statements follow these rules; earlier ones are kept as they were.</SuccessNotice>
      )}
      <ErrorNotice error={save.error} />
      <form onSubmit={save.onSubmit}>
        <fieldset className="field">
          <legend>Requirements</legend>
          {labels.map(([key, label]) => (
            <div className="check" key={key}>
              <input id={`rule-${key}`} type="checkbox" {...save.check(key)} />
              <label htmlFor={`rule-${key}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={save.pending}>
          Save
        </button>
      </form>
    </>
  );
}

export function StatementRulesPage() {
  const rules = useQuery({ queryKey: ['statement-rules'], queryFn: statementRulesApi.get });
  return (
    <>
      <PageTitle title="Advance statements" />
      <p className="lead">
        What your organisation asks of a person’s advance statement. Check your state’s mental health law.
      </p>
      <ErrorNotice error={rules.error} />
      {rules.data && <RulesForm rules={rules.data} />}
    </>
  );
}
