// The access area's calls and types, mirroring server/src/access/routes.cpp.
import { query, request, requestVersioned } from '../app/api';
import type { Role, User } from '../app/session';

export interface Team {
  id: string;
  name: string;
  description: string;
  siteId: string | null;
  active: boolean;
  memberCount: number;
  version: number;
}
export interface Site {
  id: string;
  name: string;
  address: string;
}
export interface OpenSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  clientAddress: string;
  current: boolean;
}
export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  personId: string | null;
  outcome: string;
  requestId: string;
  clientAddress: string;
  detail: string;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const teamsApi = {
  list: () => request<{ items: Team[] }>('/teams').then((r) => r.items),
  sites: () => request<{ items: Site[] }>('/sites').then((r) => r.items),
  create: (t: { name: string; description?: string; siteId?: string }) =>
    request<Team>('/teams', { method: 'POST', body: t }),
  update: (t: Team, changes: Partial<Pick<Team, 'name' | 'description' | 'active'>>) =>
    request<Team>(`/teams/${t.id}`, { method: 'PATCH', body: changes, ifMatch: `"${t.version}"` }),
};

export interface UserFilters {
  q?: string;
  role?: string;
  teamId?: string;
  active?: string;
  cursor?: string;
}

export const usersApi = {
  list: (f: UserFilters) => request<Page<User>>(`/users${query({ ...f, limit: '50' })}`),
  get: (id: string) => requestVersioned<User>(`/users/${id}`),
  create: (u: { email: string; displayName: string; role: Role; password: string; teamIds: string[] }) =>
    request<User>('/users', { method: 'POST', body: u }),
  update: (u: User, changes: { displayName?: string; active?: boolean; teamIds?: string[] }) =>
    request<User>(`/users/${u.id}`, { method: 'PATCH', body: changes, ifMatch: `"${u.version}"` }),
  changeRole: (u: User, role: Role) =>
    request<User>(`/users/${u.id}/role`, { method: 'PUT', body: { role }, ifMatch: `"${u.version}"` }),
  resetPassword: (u: User, password: string) =>
    request<void>(`/users/${u.id}/password`, { method: 'POST', body: { password } }),
};

export const accountApi = {
  sessions: () => request<{ items: OpenSession[] }>('/auth/sessions').then((r) => r.items),
  endSession: (id: string) => request<void>(`/auth/sessions/${id}`, { method: 'DELETE' }),
  endOthers: () => request<{ ended: number }>('/auth/sessions/end-others', { method: 'POST' }),
  reauthenticate: (password: string) => request<void>('/auth/reauthenticate', { method: 'POST', body: { password } }),
};

export const twoStepApi = {
  status: () => request<{ enabled: boolean; required: boolean; recoveryCodesLeft: number }>('/auth/two-step'),
  setup: () => request<{ secret: string; uri: string }>('/auth/two-step/setup', { method: 'POST' }),
  confirm: (code: string) =>
    request<{ recoveryCodes: string[] }>('/auth/two-step/confirm', { method: 'POST', body: { code } }),
  newRecoveryCodes: () => request<{ recoveryCodes: string[] }>('/auth/two-step/recovery-codes', { method: 'POST' }),
  turnOff: () => request<void>('/auth/two-step', { method: 'DELETE' }),
  rule: () => request<{ required: boolean }>('/settings/two-step'),
  setRule: (required: boolean) =>
    request<{ required: boolean }>('/settings/two-step', { method: 'PUT', body: { required } }),
};

export interface AuditFilters {
  action?: string;
  outcome?: string;
  actorId?: string;
  entityId?: string;
  from?: string;
  to?: string;
}
export const auditApi = {
  list: (f: AuditFilters, cursor?: string) =>
    request<Page<AuditEvent>>(`/audit-events${query({ ...f, cursor, limit: '50' })}`),
};
