// Some changes (roles, other people's passwords) need the signed-in person's password again.
// When the server asks for it, this dialog asks, confirms it, and the change is retried.
import { useEffect, useRef } from 'react';
import { onReauthenticationRequired } from '../app/api';
import { accountApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

export function ReauthDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const form = useForm({
    initial: { password: '' },
    submit: (v) => accountApi.reauthenticate(v.password),
    onSuccess: () => close(true),
  });
  const { reset } = form;

  useEffect(() => {
    onReauthenticationRequired(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          reset();
          dialog.current?.showModal();
        }),
    );
    return () => onReauthenticationRequired(null);
  }, [reset]);

  function close(ok: boolean) {
    dialog.current?.close();
    resolver.current?.(ok);
    resolver.current = null;
  }

  return (
    <dialog ref={dialog} aria-labelledby="reauth-title" onCancel={() => close(false)}>
      <form onSubmit={form.onSubmit}>
        <h2 id="reauth-title">Confirm your password</h2>
        <p>This change needs your password again, to make sure it is really you.</p>
        <ErrorNotice error={form.error} />
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
          error={undefined}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.pending}>
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
