// Some changes (roles, other people's passwords) need the signed-in person's password again.
// When the server asks for it, this dialog asks, confirms it, and the change is retried.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { onReauthenticationRequired } from '../app/api';
import { accountApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';

export function ReauthDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    onReauthenticationRequired(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          setPassword('');
          setError(null);
          dialog.current?.showModal();
        }),
    );
    return () => onReauthenticationRequired(null);
  }, []);

  function close(ok: boolean) {
    dialog.current?.close();
    resolver.current?.(ok);
    resolver.current = null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await accountApi.reauthenticate(password);
      close(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="reauth-title" onCancel={() => close(false)}>
      <form onSubmit={submit}>
        <h2 id="reauth-title">Confirm your password</h2>
        <p>This change needs your password again, to make sure it is really you.</p>
        <ErrorNotice error={error} />
        <TextField label="Your password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Confirm
          </button>
          <button type="button" onClick={() => close(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
