// A partnership review: each person rates every dimension; everyone sees the results — where
// the two sides agree, where they differ, what changed since last time — and agrees actions.
import { useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewsApi } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

const fmt = (v: number | null, sign = false) => (v === null ? '—' : `${sign && v > 0 ? '+' : ''}${v.toFixed(1)}`);

export function ReviewPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const review = useQuery({ queryKey: ['review', id], queryFn: () => reviewsApi.get(id) });
  const dims = useQuery({ queryKey: ['dimensions'], queryFn: reviewsApi.dimensions });
  const rate = useForm({
    initial: { scores: {} as Record<string, string>, comments: {} as Record<string, string> },
    submit: ({ scores, comments }) =>
      reviewsApi.rate(
        id,
        (dims.data ?? []).map((d) => ({
          dimension: d.code,
          score: Number(scores[d.code] ?? 0),
          comment: comments[d.code] ?? '',
        })),
      ),
    onSuccess: (r) => qc.setQueryData(['review', id], r),
  });
  const add = useForm({
    initial: { action: '', owner: '' },
    submit: (v) => reviewsApi.addAction(id, v.action, v.owner),
    resetOnSuccess: true,
    onSuccess: (r) => qc.setQueryData(['review', id], r),
  });
  const { scores, comments } = rate.values;
  if (review.error) return <ErrorNotice error={review.error} />;
  if (!review.data) return <p>Loading…</p>;
  const r = review.data;
  return (
    <>
      <PageTitle title={`${r.partnerName}: ${r.title}`} />
      <p className="lead">
        Rated by {r.serviceRaters} from our service and {r.partnerRaters} from {r.partnerName}. A spread of 0 means
        everyone agrees.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Results by dimension</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Average (1–5)</th>
              <th scope="col">Spread</th>
              <th scope="col">Since last review</th>
              <th scope="col">Comments</th>
            </tr>
          </thead>
          <tbody>
            {r.results.map((d) => (
              <tr key={d.dimension}>
                <td>{d.title}</td>
                <td>{fmt(d.mean)}</td>
                <td>{d.spread ?? '—'}</td>
                <td>{fmt(d.change, true)}</td>
                <td>{d.comments.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="rate-title">
        <h2 id="rate-title">Your ratings</h2>
        {rate.succeeded && <SuccessNotice>Thank you. Your ratings are in the results.</SuccessNotice>}
        <ErrorNotice error={rate.error} />
        <form onSubmit={rate.onSubmit} noValidate>
          {(dims.data ?? []).map((d) => (
            <fieldset key={d.code} className="field area">
              <legend>{d.title}</legend>
              <p className="hint">{d.question}</p>
              <SelectField
                label="How true is this (1 not at all, 5 fully)"
                name={`score-${d.code}`}
                value={scores[d.code] ?? ''}
                onChange={(e) => rate.set('scores', { ...scores, [d.code]: e.target.value })}
              >
                <option value="">Choose</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
              <TextArea
                label="Comment"
                name={`comment-${d.code}`}
                rows={1}
                value={comments[d.code] ?? ''}
                onChange={(e) => rate.set('comments', { ...comments, [d.code]: e.target.value })}
              />
            </fieldset>
          ))}
          <button type="submit" className="primary" disabled={rate.pending}>
            Save my ratings
          </button>
        </form>
      </section>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <ul>
          {r.actions.map((a, i) => (
            <li key={i}>
              {a.action} {a.owner && <span className="muted">({a.owner})</span>}
            </li>
          ))}
        </ul>
        <ErrorNotice error={add.error} />
        <form onSubmit={add.onSubmit} noValidate>
          <TextField label="Action" {...add.field('action')} />
          <TextField label="Who will do it" {...add.field('owner')} />
          <button type="submit" disabled={add.pending}>
            Add action
          </button>
        </form>
      </section>
    </>
  );
}
