// The people area's calls and types, mirroring server/src/people/routes.cpp.
import { query, request, requestVersioned } from '../app/api';

export type Part =
  | 'profile'
  | 'care_team'
  | 'supporters'
  | 'consent'
  | 'plan'
  | 'goals'
  | 'check_ins'
  | 'wellness_plan'
  | 'safety'
  | 'advance_statement'
  | 'referrals'
  | 'sign_ins';
export const shareableParts: { part: Part; label: string }[] = [
  { part: 'profile', label: 'My details (name, pronouns, contact)' },
  { part: 'plan', label: 'My recovery plan: hopes, strengths, what helps' },
  { part: 'goals', label: 'My goals and steps' },
  { part: 'check_ins', label: 'My check-ins' },
  { part: 'wellness_plan', label: 'My wellness plan' },
];

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string;
  displayName: string;
  pronouns: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  address: string;
  languages: string;
  interpreterNeeded: boolean;
  culturalIdentity: string;
  spiritualPractice: string;
  communicationNeeds: string;
  otherProviders: string;
  status: 'receiving_support' | 'ended';
  supportStartedOn: string;
  supportEndedOn: string | null;
  version: number;
  access?: 'care_team' | 'break_glass' | 'self' | 'consent';
  visibleParts?: Part[];
  /** The parts the signed-in user may change (the role x action table in the operator guide). */
  changeableParts?: Part[];
}
export interface CaseloadEntry extends Person {
  reviewOn: string | null;
  lastCheckIn: string | null;
  lastChange: string;
  reviewOverdue: boolean;
}
export interface Supporter {
  id: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
  involvement: string;
  active: boolean;
  hasAccount: boolean;
  version: number;
}
export interface Consent {
  id: string;
  granteeId: string;
  parts: Part[];
  purpose: string;
  startsOn: string;
  endsOn: string | null;
  recordedAt: string;
  withdrawnAt: string | null;
  inForce: boolean;
  personName?: string;
  personId: string;
}
export interface CareTeamMember {
  memberType: 'user' | 'team';
  memberId: string;
  name: string;
  role: string;
}

const base = (id: string) => `/people/${id}`;

export const peopleApi = {
  caseload: (q?: string, cursor?: string) =>
    request<{ items: CaseloadEntry[]; nextCursor: string | null }>(`/people${query({ q, cursor, limit: '50' })}`),
  search: (q: string) =>
    request<{ items: { id: string; displayName: string; dateOfBirth: string }[] }>(`/people/search${query({ q })}`),
  create: (p: Partial<Person> & { notADuplicate?: boolean }) => request<Person>('/people', { method: 'POST', body: p }),
  get: (id: string) => requestVersioned<Person>(base(id)),
  update: (p: Person, changes: Partial<Person>) =>
    request<Person>(base(p.id), { method: 'PATCH', body: changes, ifMatch: `"${p.version}"` }),
  careTeam: (id: string) => request<{ items: CareTeamMember[] }>(`${base(id)}/care-team`).then((r) => r.items),
  careTeamOptions: (id: string) =>
    request<{ items: CareTeamMember[] }>(`${base(id)}/care-team/options`).then((r) => r.items),
  setCareTeam: (id: string, userIds: string[], teamIds: string[]) =>
    request<{ items: CareTeamMember[] }>(`${base(id)}/care-team`, { method: 'PUT', body: { userIds, teamIds } }).then(
      (r) => r.items,
    ),
  supporters: (id: string) => request<{ items: Supporter[] }>(`${base(id)}/supporters`).then((r) => r.items),
  addSupporter: (
    id: string,
    s: { name: string; relationship: string; phone?: string; email?: string; involvement?: string },
  ) => request<Supporter>(`${base(id)}/supporters`, { method: 'POST', body: s }),
  invite: (id: string, supporterId?: string) =>
    request<IssuedInvitation>(
      supporterId ? `${base(id)}/supporters/${supporterId}/invitations` : `${base(id)}/invitations`,
      { method: 'POST' },
    ),
  invitations: (id: string) => request<{ items: Invitation[] }>(`${base(id)}/invitations`).then((r) => r.items),
  withdrawInvitation: (id: string, invitationId: string) =>
    request<Invitation>(`${base(id)}/invitations/${invitationId}/withdraw`, { method: 'POST' }),
  consents: (id: string) => request<{ items: Consent[] }>(`${base(id)}/consents`).then((r) => r.items),
  recordConsent: (id: string, c: { supporterId: string; parts: Part[]; purpose: string; endsOn?: string }) =>
    request<Consent>(`${base(id)}/consents`, { method: 'POST', body: c }),
  withdrawConsent: (id: string, consentId: string) =>
    request<Consent>(`${base(id)}/consents/${consentId}/withdraw`, { method: 'POST' }),
  breakGlass: (id: string, reasonCode: string, reason: string) =>
    request<unknown>(`${base(id)}/break-glass`, { method: 'POST', body: { reasonCode, reason } }),
  sharedWithMe: () => request<{ items: Consent[] }>('/me/shared-with-me').then((r) => r.items),
};

export interface BreakGlassAccess {
  id: string;
  userName: string;
  personId: string;
  personName: string;
  reasonCode: string;
  reason: string;
  startedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  reviewNote: string | null;
}
export const reviewApi = {
  queue: (all: boolean) =>
    request<{ items: BreakGlassAccess[] }>(`/break-glass${all ? '?all=true' : ''}`).then((r) => r.items),
  review: (id: string, note: string) => request<void>(`/break-glass/${id}/review`, { method: 'POST', body: { note } }),
};

export interface Invitation {
  id: string;
  for: 'person' | 'supporter';
  supporterId: string | null;
  displayName: string;
  state: 'waiting' | 'accepted' | 'withdrawn' | 'expired';
  createdAt: string;
  createdBy: string;
  createdByName: string;
  expiresAt: string;
  acceptedAt: string | null;
  withdrawnAt: string | null;
}

/** Issued just now: the only time the link's secret is ever shown. */
export interface IssuedInvitation extends Invitation {
  token: string;
  path: string;
}
