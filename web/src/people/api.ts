// The people area's calls. Its types are generated from the server's schemas (app/api-schema.ts).
import { query, request, requestVersioned } from '../app/api';
import type {
  BreakGlassAccess,
  BreakGlassQueue,
  BreakGlassReason,
  BreakGlassReview,
  CareTeam,
  CareTeamChange,
  CareTeamMember,
  CaseloadPage,
  Consent,
  ConsentList,
  IssuedPersonInvitation,
  NewBreakGlassAccess,
  NewConsent,
  NewPerson,
  NewSupporter,
  // A person as created or changed; `Person` below is the record as its reader sees it.
  Person as SavedPerson,
  PersonChange,
  PersonInvitation,
  PersonInvitationList,
  PersonMatchList,
  PersonRecord,
  RecordPart,
  SharedConsentList,
  SharedPart,
  Supporter,
  SupporterList,
} from '../app/api-schema';

export type {
  BreakGlassAccess,
  BreakGlassReason,
  CareTeamMember,
  Consent,
  IssuedPersonInvitation,
  PersonInvitation,
  PersonRecord,
  SharedPart,
  Supporter,
};

/** A part of a person's record, as access and consent name it. */
export type Part = RecordPart;

/** What a person may share with a supporter, in the order the form offers it. */
export const shareableParts: { part: SharedPart; label: string }[] = [
  { part: 'profile', label: 'My details (name, pronouns, contact)' },
  { part: 'plan', label: 'My recovery plan: hopes, strengths, what helps' },
  { part: 'goals', label: 'My goals and steps' },
  { part: 'check_ins', label: 'My check-ins' },
  { part: 'wellness_plan', label: 'My wellness plan' },
];

/** Why a worker outside the care team opens a record, in words. */
export const breakGlassReasons: Record<BreakGlassReason, string> = {
  urgent_safety: 'Someone’s safety is at risk now',
  covering_for_colleague: 'Covering for a colleague',
  after_hours: 'After-hours contact',
  new_referral: 'A new referral to our team',
  other: 'Another reason',
};

const base = (id: string) => `/people/${id}`;

export const peopleApi = {
  caseload: (q?: string, cursor?: string) => request<CaseloadPage>(`/people${query({ q, cursor, limit: '50' })}`),
  search: (q: string) => request<PersonMatchList>(`/people/search${query({ q })}`),
  create: (body: NewPerson) => request<SavedPerson>('/people', { method: 'POST', body }),
  get: (id: string) => requestVersioned<PersonRecord>(base(id)),
  update: (p: PersonRecord, changes: PersonChange) =>
    request<SavedPerson>(base(p.id), { method: 'PATCH', body: changes, ifMatch: `"${p.version}"` }),
  careTeam: (id: string) => request<CareTeam>(`${base(id)}/care-team`).then((r) => r.items),
  careTeamOptions: (id: string) => request<CareTeam>(`${base(id)}/care-team/options`).then((r) => r.items),
  setCareTeam: (id: string, userIds: string[], teamIds: string[]) =>
    request<CareTeam>(`${base(id)}/care-team`, {
      method: 'PUT',
      body: { userIds, teamIds } satisfies CareTeamChange,
    }).then((r) => r.items),
  supporters: (id: string) => request<SupporterList>(`${base(id)}/supporters`).then((r) => r.items),
  addSupporter: (id: string, body: NewSupporter) =>
    request<Supporter>(`${base(id)}/supporters`, { method: 'POST', body }),
  invite: (id: string, supporterId?: string) =>
    request<IssuedPersonInvitation>(
      supporterId ? `${base(id)}/supporters/${supporterId}/invitations` : `${base(id)}/invitations`,
      { method: 'POST' },
    ),
  invitations: (id: string) => request<PersonInvitationList>(`${base(id)}/invitations`).then((r) => r.items),
  withdrawInvitation: (id: string, invitationId: string) =>
    request<PersonInvitation>(`${base(id)}/invitations/${invitationId}/withdraw`, { method: 'POST' }),
  consents: (id: string) => request<ConsentList>(`${base(id)}/consents`).then((r) => r.items),
  recordConsent: (id: string, body: NewConsent) => request<Consent>(`${base(id)}/consents`, { method: 'POST', body }),
  withdrawConsent: (id: string, consentId: string) =>
    request<Consent>(`${base(id)}/consents/${consentId}/withdraw`, { method: 'POST' }),
  breakGlass: (id: string, body: NewBreakGlassAccess) =>
    request<BreakGlassAccess>(`${base(id)}/break-glass`, { method: 'POST', body }),
  sharedWithMe: () => request<SharedConsentList>('/me/shared-with-me').then((r) => r.items),
};

export const reviewApi = {
  queue: (all: boolean) =>
    request<BreakGlassQueue>(`/break-glass${query({ all: all ? 'true' : undefined })}`).then((r) => r.items),
  review: (id: string, note: string) =>
    request<void>(`/break-glass/${id}/review`, { method: 'POST', body: { note } satisfies BreakGlassReview }),
};
