import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/session';
import { twoStepApi } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

/** Recovery codes, shown once, to print or write down. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice success" role="status">
      <p className="notice-title">Your recovery codes</p>
      <p>
        Each works once, in place of a code from your app, if you lose your phone. Keep them somewhere safe: they are
        shown only now.
      </p>
      <ul className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => window.print()}>
        Print them
      </button>
    </div>
  );
}

/** Two-step sign-in on the account page: for administrators and managers. */
export function TwoStepSection() {
  const qc = useQueryClient();
  const { session, adopt } = useSession();
  const status = useQuery({ queryKey: ['two-step'], queryFn: twoStepApi.status });
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: twoStepApi.setup });
  const refresh = () => qc.invalidateQueries({ queryKey: ['two-step'] });
  const confirm = useForm({
    initial: { code: '' },
    submit: (v) => twoStepApi.confirm(v.code),
    resetOnSuccess: true,
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      setup.reset();
      if (session) adopt({ ...session, twoStepSetupRequired: false });
      void refresh();
    },
  });
  const renew = useMutation({
    mutationFn: twoStepApi.newRecoveryCodes,
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      void refresh();
    },
  });
  const off = useMutation({
    mutationFn: twoStepApi.turnOff,
    onSuccess: () => {
      setCodes(null);
      void refresh();
    },
  });
  const s = status.data;
  return (
    <section aria-labelledby="two-step-title">
      <h2 id="two-step-title">Two-step sign-in</h2>
      <ErrorNotice error={status.error ?? setup.error ?? renew.error ?? off.error} />
      {session?.twoStepSetupRequired && (
        <p className="notice warn" role="status">
          Your organisation asks administrators and managers to confirm each sign-in with a code from an authenticator
          app. Set it up here to carry on.
        </p>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {s?.enabled ? (
        <>
          <p>
            On. Each sign-in asks for a code from your authenticator app. {s.recoveryCodesLeft} recovery code
            {s.recoveryCodesLeft === 1 ? '' : 's'} left.
          </p>
          <button type="button" onClick={() => renew.mutate()} disabled={renew.isPending}>
            Make new recovery codes
          </button>{' '}
          {!s.required && (
            <button type="button" onClick={() => off.mutate()} disabled={off.isPending}>
              Turn two-step sign-in off
            </button>
          )}
        </>
      ) : setup.data ? (
        <>
          <p>
            In your authenticator app (for example FreeOTP, Aegis or Google Authenticator), add an account with this
            key, or open the link on your phone:
          </p>
          <p>
            <code className="breakable">{setup.data.secret}</code>
          </p>
          <p>
            <a href={setup.data.uri}>Open in my authenticator app</a>
          </p>
          <ErrorNotice error={confirm.error} />
          <form onSubmit={confirm.onSubmit} noValidate>
            <TextField
              label="The 6-digit code your app shows"
              inputMode="numeric"
              autoComplete="one-time-code"
              {...confirm.field('code')}
            />
            <button type="submit" className="primary" disabled={confirm.pending}>
              Turn on two-step sign-in
            </button>
          </form>
        </>
      ) : (
        <>
          <p>
            Off. With it on, signing in needs your password and a code from an app on your phone, so a stolen password
            alone opens nothing.
          </p>
          <button type="button" className="primary" onClick={() => setup.mutate()} disabled={setup.isPending}>
            Set up two-step sign-in
          </button>
        </>
      )}
    </section>
  );
}

/** For administrators: whether the organisation requires it of administrators and managers. */
export function TwoStepRule() {
  const qc = useQueryClient();
  const rule = useQuery({ queryKey: ['two-step-rule'], queryFn: twoStepApi.rule });
  const save = useMutation({
    mutationFn: twoStepApi.setRule,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['two-step-rule'] }),
  });
  if (!rule.data) return <ErrorNotice error={rule.error} />;
  return (
    <section aria-labelledby="two-step-rule-title">
      <h2 id="two-step-rule-title">Two-step sign-in rule</h2>
      <ErrorNotice error={save.error} />
      {save.isSuccess && <SuccessNotice>Saved. It applies from each person’s next sign-in.</SuccessNotice>}
      <div className="check">
        <input
          id="require-two-step"
          type="checkbox"
          checked={rule.data.required}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <label htmlFor="require-two-step">Require two-step sign-in of administrators and managers</label>
      </div>
    </section>
  );
}
