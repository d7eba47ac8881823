// The one form hook. A form keeps what is typed in `values`, sends it with one submit (no page
// load, never twice at once), shows that it is on its way with `pending`, and keeps the
// server's refusal in `error`: an ApiError from problem+json, which ErrorNotice shows whole and
// TextField, TextArea and SelectField show field by field.
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

/** The keys of V whose values are of type T. */
type KeysOf<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string;

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface FormOptions<V, R> {
  initial: V | (() => V);
  /** Sends the values. What it throws (an ApiError for the server's refusal) becomes `error`. */
  submit: (values: V) => Promise<R> | R;
  /** Called with the answer and the values that were sent. */
  onSuccess?: (result: R, values: V) => void;
  onError?: (error: unknown, values: V) => void;
  /** After a success, start again from the initial values (for forms that add one more). */
  resetOnSuccess?: boolean;
}

export interface Form<V> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** Props for a TextField, TextArea or SelectField holding a text value. */
  field: <K extends KeysOf<V, string>>(
    name: K,
  ) => { name: K; value: string; onChange: (e: ChangeEvent<Editable>) => void; error: unknown };
  /** Props for a checkbox holding a yes or no. */
  check: <K extends KeysOf<V, boolean>>(
    name: K,
  ) => { checked: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void };
  /** Props for one checkbox among several; the checked ones make the list held under `name`. */
  choice: <K extends KeysOf<V, readonly string[]>>(
    name: K,
    item: string,
  ) => { checked: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void };
  /** For the form's onSubmit. */
  onSubmit: (e: FormEvent) => void;
  /** Sends the values, as onSubmit does, for a form sent by something other than its own submit. */
  submit: () => Promise<void>;
  pending: boolean;
  error: unknown;
  /** The last submit succeeded (and nothing has been sent since). */
  succeeded: boolean;
  /** Back to the values the form first had, or to `to`, with no error. Stable, like `set`. */
  reset: (to?: V) => void;
}

export function useForm<V extends object, R = unknown>(options: FormOptions<V, R>): Form<V> {
  const [values, setValues] = useState<V>(options.initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [succeeded, setSucceeded] = useState(false);
  const sending = useRef(false);
  // The values to start again from are those the form first had.
  const initial = useRef(options.initial);
  const start = useCallback(
    () => (typeof initial.current === 'function' ? (initial.current as () => V)() : initial.current),
    [],
  );

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value })), []);
  const reset = useCallback(
    (to?: V) => {
      setValues(to ?? start());
      setError(null);
      setSucceeded(false);
    },
    [start],
  );

  async function submit() {
    if (sending.current) return;
    sending.current = true;
    const sent = values;
    setPending(true);
    setError(null);
    setSucceeded(false);
    let result: R;
    try {
      result = await options.submit(sent);
    } catch (e) {
      setError(e);
      options.onError?.(e, sent);
      return;
    } finally {
      sending.current = false;
      setPending(false);
    }
    if (options.resetOnSuccess) setValues(start());
    setSucceeded(true);
    options.onSuccess?.(result, sent);
  }

  return {
    values,
    set,
    field: (name) => ({
      name,
      value: values[name] as string,
      onChange: (e) => set(name, e.target.value as V[typeof name]),
      error,
    }),
    check: (name) => ({
      checked: values[name] as boolean,
      onChange: (e) => set(name, e.target.checked as V[typeof name]),
    }),
    choice: (name, item) => {
      const list = values[name] as readonly string[];
      return {
        checked: list.includes(item),
        onChange: (e) =>
          set(name, (e.target.checked ? [...list, item] : list.filter((x) => x !== item)) as V[typeof name]),
      };
    },
    onSubmit: (e) => {
      e.preventDefault();
      void submit();
    },
    submit,
    pending,
    error,
    succeeded,
    reset,
  };
}
