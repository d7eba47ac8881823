import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewsApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';

/** A partner's reviews, with a form to open a new one for those who may. */
export function ReviewsList({ partnerId, partnerName, canOpen }: { partnerId: string; partnerName: string; canOpen: boolean }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['reviews', partnerId], queryFn: () => reviewsApi.list(partnerId) });
  const [title, setTitle] = useState('');
  const open = useMutation({
    mutationFn: () => reviewsApi.open(partnerId, title),
    onSuccess: () => {
      setTitle('');
      void qc.invalidateQueries({ queryKey: ['reviews', partnerId] });
    },
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
          <form
            onSubmit={(e) => {
              e.preventDefault();
              open.mutate();
            }}
            noValidate
          >
            <TextField label="Name of the review" name={`title-${partnerId}`} hint="For example 2026, first half" value={title} onChange={(e) => setTitle(e.target.value)} error={open.error} />
            <button type="submit">Open review</button>
          </form>
        </details>
      )}
    </div>
  );
}
