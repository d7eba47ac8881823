// The one API client: same-origin JSON, the CSRF token on every unsafe request, and every
// error turned into an ApiError carrying the server's problem+json message.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    type?: string;
    title: string;
    detail?: string;
    errors?: FieldProblem[];
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.title);
    this.status = init.status;
    this.type = init.type ?? '';
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The short code at the end of the problem type, e.g. "stale_version". */
  get code(): string {
    return this.type.split('/').pop() ?? '';
  }

  /** The message for a field, or for anything inside it ("parts[0]", "ratings[2].comment"): a form shows it by the field. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find(
      (e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`),
    )?.message;
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Set by the shell: asks the person to confirm their password, resolves true when they did. */
let confirmPassword: (() => Promise<boolean>) | null = null;
export function onReauthenticationRequired(handler: (() => Promise<boolean>) | null) {
  confirmPassword = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string;
}

export interface Versioned<T> {
  data: T;
  etag: string | null;
}

export async function parseProblem(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a plain message.
  }
  const retry = res.headers.get('Retry-After');
  return new ApiError({
    status: res.status,
    type: typeof body.type === 'string' ? body.type : undefined,
    title:
      typeof body.title === 'string'
        ? body.title
        : res.status >= 500
          ? 'Trellis could not be reached just now'
          : 'Something went wrong',
    detail: typeof body.detail === 'string' ? body.detail : 'Please try again in a moment.',
    errors: Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [],
    requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    retryAfterSeconds: retry ? Number(retry) : undefined,
  });
}

export async function requestVersioned<T>(path: string, options: RequestOptions = {}): Promise<Versioned<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      title: 'Trellis could not be reached',
      detail: 'Check your connection, then try again. Nothing was lost.',
    });
  }
  if (!res.ok) {
    const problem = await parseProblem(res);
    if (problem.code === 'reauthentication_required' && confirmPassword && (await confirmPassword())) {
      return requestVersioned<T>(path, options);
    }
    throw problem;
  }
  const etag = res.headers.get('ETag');
  // 201 and 204 may carry no body at all.
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, etag };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestVersioned<T>(path, options)).data;
}

export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
