import { ApiError } from '../app/api';

/** Shows the server's own words for what went wrong and what to do. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const e =
    error instanceof ApiError
      ? error
      : new ApiError({ status: 0, title: 'Something went wrong', detail: 'Please try again.' });
  const fieldless = e.errors.length > 0 && e.detail.includes(e.errors[0].field);
  return (
    <div className="notice error" role="alert">
      <p className="notice-title">{e.title}</p>
      {!fieldless && e.detail && <p>{e.detail}</p>}
      {e.errors.length > 0 && (
        <ul>
          {e.errors.map((f) => (
            <li key={f.field}>
              <strong>{f.field}</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
      {e.retryAfterSeconds ? <p>You can try again in about {Math.ceil(e.retryAfterSeconds / 60)} minutes.</p> : null}
      {e.requestId && e.status >= 500 && <p className="muted">Reference: {e.requestId}</p>}
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice success" role="status">
      {children}
    </div>
  );
}
