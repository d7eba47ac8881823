import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onReauthenticationRequired, request, setCsrfToken } from './api';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.restoreAllMocks();
  onReauthenticationRequired(null);
});

describe('request', () => {
  it('sends the CSRF token on unsafe methods only', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => respond(200, { ok: true }));
    setCsrfToken('token-123');
    await request('/teams');
    await request('/teams', { method: 'POST', body: { name: 'x' } });
    const [, getInit] = fetchMock.mock.calls[0];
    const [, postInit] = fetchMock.mock.calls[1];
    expect((getInit!.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((postInit!.headers as Record<string, string>)['X-CSRF-Token']).toBe('token-123');
  });

  it("turns problem+json into an ApiError with the server's words and field messages", async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      respond(422, {
        type: 'https://trellis.example/problems/invalid_fields',
        title: 'Check the highlighted fields',
        detail: 'email is required.',
        errors: [{ field: 'email', message: 'is required' }],
        requestId: 'abc',
      }),
    );
    const err = await failure(request('/users', { method: 'POST', body: {} }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.title).toBe('Check the highlighted fields');
    expect(err.code).toBe('invalid_fields');
    expect(err.fieldMessage('email')).toBe('is required');
  });

  it('shows a problem inside a list or object by the field that holds it', () => {
    const err = new ApiError({
      status: 422,
      title: 'Check the highlighted fields',
      errors: [
        { field: 'parts[0]', message: 'must be one of: profile, plan' },
        { field: 'ratings[2].comment', message: 'must be at most 2000 characters' },
      ],
    });
    expect(err.fieldMessage('parts')).toBe('must be one of: profile, plan');
    expect(err.fieldMessage('ratings')).toBe('must be at most 2000 characters');
    expect(err.fieldMessage('part')).toBeUndefined();
  });

  it('reads Retry-After when sign-in is paused', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      respond(429, { title: 'Sign-in is paused for a while', detail: 'Please wait.' }, { 'Retry-After': '600' }),
    );
    const err = await failure(request('/auth/login', { method: 'POST', body: {} }));
    expect(err.retryAfterSeconds).toBe(600);
  });

  it('asks for the password and retries when the server needs re-authentication', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementationOnce(async () =>
        respond(403, {
          type: 'https://trellis.example/problems/reauthentication_required',
          title: 'Please confirm your password',
        }),
      )
      .mockImplementationOnce(async () => respond(200, { role: 'manager' }));
    const confirm = vi.fn(async () => true);
    onReauthenticationRequired(confirm);
    const result = await request<{ role: string }>('/users/1/role', { method: 'PUT', body: { role: 'manager' } });
    expect(confirm).toHaveBeenCalledOnce();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(result.role).toBe('manager');
  });

  it('gives a plain message when the server cannot be reached', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      throw new TypeError('network down');
    });
    const err = await failure(request('/teams'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.title).toBe('Trellis could not be reached');
  });
});

describe('responses without a body', () => {
  it('resolve to undefined instead of failing to parse', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(null, { status: 201 }));
    await expect(request('/people/1/account', { method: 'POST', body: {} })).resolves.toBeUndefined();
  });
});
