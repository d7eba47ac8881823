// For managers: every time someone opened a record with break-the-glass access, with their
// reason, to review and note.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatTime } from '../app/session';
import { breakGlassReasons, reviewApi, type BreakGlassAccess } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

function Row({ item }: { item: BreakGlassAccess }) {
  const qc = useQueryClient();
  const formatTime = useFormatTime();
  const review = useForm({
    initial: { note: '' },
    submit: (v) => reviewApi.review(item.id, v.note),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['access-reviews'] }),
  });
  return (
    <li className="list-row column">
      <p>
        <strong>{item.userName}</strong> opened <strong>{item.personName}</strong>’s record at{' '}
        {formatTime(item.startedAt)}
      </p>
      <p className="muted">
        {breakGlassReasons[item.reasonCode]}: {item.reason}
      </p>
      {item.reviewedAt ? (
        <p className="tag ok">Reviewed: {item.reviewNote}</p>
      ) : (
        <form className="filters" onSubmit={review.onSubmit}>
          <TextField label="Review note" {...review.field('note')} name={`note-${item.id}`} />
          <button type="submit" disabled={review.pending}>
            Mark reviewed
          </button>
        </form>
      )}
      <ErrorNotice error={review.error} />
    </li>
  );
}

export function AccessReviewPage() {
  const [all, setAll] = useState(false);
  const items = useQuery({ queryKey: ['access-reviews', all], queryFn: () => reviewApi.queue(all) });
  return (
    <>
      <PageTitle title="Break-the-glass reviews" />
      <p className="lead">Records opened by workers outside the care team. Each had to give a reason.</p>
      <div className="check">
        <input id="show-all" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <label htmlFor="show-all">Show reviewed ones too</label>
      </div>
      <ErrorNotice error={items.error} />
      <ul className="list">
        {(items.data ?? []).map((i) => (
          <Row key={i.id} item={i} />
        ))}
      </ul>
      {items.data?.length === 0 && <p>Nothing waiting for review.</p>}
    </>
  );
}
