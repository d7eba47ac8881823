import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../app/api';

interface Common {
  label: string;
  hint?: ReactNode;
  /** The API field name, to show the server's message for it. */
  name: string;
  error?: unknown;
}

function describe(id: string, hint: ReactNode, message?: string) {
  return [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Frame({
  id,
  label,
  hint,
  message,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  message?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${message ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      )}
      {children}
    </div>
  );
}

function messageFor(error: unknown, name: string) {
  return error instanceof ApiError ? error.fieldMessage(name) : undefined;
}

export function TextField({ label, hint, name, error, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const message = messageFor(error, name);
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <input
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={describe(id, hint, message)}
        {...rest}
      />
    </Frame>
  );
}

export function TextArea({ label, hint, name, error, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const message = messageFor(error, name);
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <textarea
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={describe(id, hint, message)}
        {...rest}
      />
    </Frame>
  );
}

export function SelectField({
  label,
  hint,
  name,
  error,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const message = messageFor(error, name);
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <select
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={describe(id, hint, message)}
        {...rest}
      >
        {children}
      </select>
    </Frame>
  );
}
