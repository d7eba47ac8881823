// The access area's calls. Its types are generated from the server's schemas (app/api-schema.ts).
import { query, request, requestVersioned } from '../app/api';
import type {
  AuditEvent,
  AuditPage,
  EndedSessions,
  NewTeam,
  NewUser,
  RecoveryCodes,
  SessionList,
  SessionSummary,
  Site,
  SiteList,
  Team,
  TeamChange,
  TeamList,
  TwoStepRule,
  TwoStepSecret,
  TwoStepStatus,
  User,
  UserChange,
  UserPage,
  WorkerRole,
} from '../app/api-schema';

export type { AuditEvent, Site, Team };
export type OpenSession = SessionSummary;

export const teamsApi = {
  list: () => request<TeamList>('/teams').then((r) => r.items),
  sites: () => request<SiteList>('/sites').then((r) => r.items),
  create: (t: NewTeam) => request<Team>('/teams', { method: 'POST', body: t }),
  update: (t: Team, changes: TeamChange) =>
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
  list: (f: UserFilters) => request<UserPage>(`/users${query({ ...f, limit: '50' })}`),
  get: (id: string) => requestVersioned<User>(`/users/${id}`),
  create: (u: NewUser) => request<User>('/users', { method: 'POST', body: u }),
  update: (u: User, changes: UserChange) =>
    request<User>(`/users/${u.id}`, { method: 'PATCH', body: changes, ifMatch: `"${u.version}"` }),
  changeRole: (u: User, role: WorkerRole) =>
    request<User>(`/users/${u.id}/role`, { method: 'PUT', body: { role }, ifMatch: `"${u.version}"` }),
  resetPassword: (u: User, password: string) =>
    request<void>(`/users/${u.id}/password`, { method: 'POST', body: { password } }),
};

export const accountApi = {
  sessions: () => request<SessionList>('/auth/sessions').then((r) => r.items),
  endSession: (id: string) => request<void>(`/auth/sessions/${id}`, { method: 'DELETE' }),
  endOthers: () => request<EndedSessions>('/auth/sessions/end-others', { method: 'POST' }),
  reauthenticate: (password: string) => request<void>('/auth/reauthenticate', { method: 'POST', body: { password } }),
};

export const twoStepApi = {
  status: () => request<TwoStepStatus>('/auth/two-step'),
  setup: () => request<TwoStepSecret>('/auth/two-step/setup', { method: 'POST' }),
  confirm: (code: string) => request<RecoveryCodes>('/auth/two-step/confirm', { method: 'POST', body: { code } }),
  newRecoveryCodes: () => request<RecoveryCodes>('/auth/two-step/recovery-codes', { method: 'POST' }),
  turnOff: () => request<void>('/auth/two-step', { method: 'DELETE' }),
  rule: () => request<TwoStepRule>('/settings/two-step'),
  setRule: (required: boolean) => request<TwoStepRule>('/settings/two-step', { method: 'PUT', body: { required } }),
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
    request<AuditPage>(`/audit-events${query({ ...f, cursor, limit: '50' })}`),
};
