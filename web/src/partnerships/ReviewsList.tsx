import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewsApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

/** A partner's reviews, with a form to open a new one for those who may. */
export function ReviewsList({
  partnerId,
  partnerName,
  canOpen,
}: {
  partnerId: string;
  partnerName: string;
  canOpen: boolean;
}) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['reviews', partnerId], queryFn: () => reviewsApi.list(partnerId) });
  const open = useForm({
    initial: { title: '' },
    submit: (v) => reviewsApi.open(partnerId, v.title),
    resetOnSuccess: true,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviews', partnerId] }),
  });
  return (
    <div>
      <ErrorNotice error={list.error ?? open.error} />
      <ul>
        {(list.data ?? []).map((r) => (
          <li key={r.id}>
            <Link to={`/partnership-reviews/${r.id}`}>
              {r.title}
              <span className="visually-hidden"> ({partnerName})</span>
            </Link>
          </li>
        ))}
      </ul>
      {canOpen && (
        <details>
          <summary>Open a review with {partnerName}</summary>
          <form onSubmit={open.onSubmit} noValidate>
            <TextField
              label="Name of the review"
              hint="For example 2026, first half"
              {...open.field('title')}
              name={`title-${partnerId}`}
            />
            <button type="submit">Open review</button>
          </form>
        </details>
      )}
    </div>
  );
}
