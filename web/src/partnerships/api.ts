// The partnerships area's calls, mirroring server/src/partnerships/routes.cpp.
import { query, request } from '../app/api';

export interface DirectoryService {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  description: string;
  status: string;
  languages: string;
  categories: string[];
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  distanceKm?: number;
}
export interface DirectoryCategory {
  code: string;
  name: string;
  services: number;
}
export interface DirectoryFilters {
  q?: string;
  category?: string;
  language?: string;
  near?: string;
  radiusKm?: string;
  openAt?: string;
}
export interface DirectoryImport {
  id: string;
  state: 'running' | 'applied' | 'failed';
  done: number;
  total: number;
  added?: number;
  updated?: number;
  unchanged?: number;
  error?: { title: string; detail: string };
}
/** What an import sends: HSDS JSON as read, or the CSV files of a tabular export by name. */
export type ImportBody = unknown | { tables: Record<string, string> };

/** "2026-11-23T14:30": now, in the browser's local time (the services' time, for a local service). */
export function localMinute(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** The least of an address the directory needs to find services near it: its postcode, or its suburb. */
export function placeOf(address: string): string {
  const postcode = address.match(/\b\d{4}\b(?!.*\b\d{4}\b)/);
  if (postcode) return postcode[0];
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

export const directoryApi = {
  find: (f: DirectoryFilters) =>
    request<{ items: DirectoryService[] }>(`/directory/services${query({ ...f })}`).then((r) => r.items),
  categories: () => request<{ items: DirectoryCategory[] }>('/directory/categories').then((r) => r.items),
  startImport: (body: ImportBody) => request<DirectoryImport>('/directory/imports', { method: 'POST', body }),
  importProgress: (id: string) => request<DirectoryImport>(`/directory/imports/${id}`),
};

export interface Partner {
  id: string;
  name: string;
  directoryOrganizationId: string;
  status: 'active' | 'paused' | 'ended';
  agreementPurpose: string;
  agreementRoles: string;
  agreementExpectations: string;
  agreementContacts: string;
  informationSharing: string;
  ourResources: string;
  partnerResources: string;
  agreementStartsOn: string | null;
  agreementReviewOn: string | null;
  responseDays: number;
  takingReferrals: boolean;
  waitWeeks: number | null;
  capacityUpdatedAt: string | null;
  requiredParts: string[];
  referralGuidance: string;
  version: number;
}
/** What a manager sends to add a partner agency or replace its agreement. */
export type AgreementInput = Omit<Partner, 'id' | 'version' | 'capacityUpdatedAt'>;

export interface PartnerDocument {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/** A file's content as base64, for sending in JSON. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const partnersApi = {
  documents: (partnerId: string) =>
    request<{ items: PartnerDocument[] }>(`/partners/${partnerId}/documents`).then((r) => r.items),
  documentUrl: (partnerId: string, id: string) => `/api/v1/partners/${partnerId}/documents/${id}`,
  attach: async (partnerId: string, file: File) =>
    request<PartnerDocument>(`/partners/${partnerId}/documents`, {
      method: 'POST',
      body: { name: file.name, contentType: file.type || 'application/octet-stream', data: await base64Of(file) },
    }),
  add: (body: AgreementInput) => request<Partner>('/partners', { method: 'POST', body }),
  update: (p: Partner, body: AgreementInput) =>
    request<Partner>(`/partners/${p.id}`, { method: 'PUT', body, ifMatch: `"${p.version}"` }),
  ownAgency: () => request<Partner>('/partner/agency'),
  updateCapacity: (p: Partner, body: { takingReferrals: boolean; waitWeeks?: number }) =>
    request<Partner>('/partner/capacity', { method: 'PUT', body, ifMatch: `"${p.version}"` }),
};
export type ReferralStatus =
  'draft' | 'sent' | 'received' | 'accepted' | 'declined' | 'redirected' | 'in_progress' | 'completed' | 'withdrawn';
export interface Referral {
  id: string;
  personId: string;
  personName: string;
  /** The person's consent for this partner has gone: only the reference, dates and state remain. */
  personWithheld: boolean;
  partnerId: string;
  partnerName: string;
  reason: string;
  sharedParts: string[];
  goalIds: string[];
  status: ReferralStatus;
  declineReason: string;
  outcome: string;
  sentAt: string | null;
  overdue: boolean;
  version: number;
  visibleParts?: string[];
  timeline?: { at: string; from: string; to: string; note: string }[];
}
export const referralStatusLabels: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  received: 'Received',
  accepted: 'Accepted',
  declined: 'Declined',
  redirected: 'Redirected',
  in_progress: 'In progress',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

const base = (id: string) => `/people/${id}/referrals`;
export const referralsApi = {
  partners: () => request<{ items: Partner[] }>('/partners').then((r) => r.items),
  forPerson: (personId: string) => request<{ items: Referral[] }>(base(personId)).then((r) => r.items),
  draft: (personId: string, body: { partnerId: string; reason: string; sharedParts: string[] }) =>
    request<Referral>(base(personId), { method: 'POST', body }),
  send: (personId: string, r: Referral) =>
    request<Referral>(`${base(personId)}/${r.id}/send`, { method: 'POST', body: {}, ifMatch: `"${r.version}"` }),
  consent: (personId: string, partnerId: string, parts: string[], purpose: string) =>
    request<unknown>(`/people/${personId}/consents`, { method: 'POST', body: { partnerId, parts, purpose } }),
  inbox: (cursor?: string) =>
    request<{ items: Referral[]; nextCursor: string | null }>(`/partner/referrals${query({ cursor })}`),
  inboxItem: (id: string) => request<Referral>(`/partner/referrals/${id}`),
  respond: (r: Referral, status: ReferralStatus, note?: string) =>
    request<Referral>(`/partner/referrals/${r.id}/status`, {
      method: 'POST',
      body: note ? { status, note } : { status },
      ifMatch: `"${r.version}"`,
    }),
};

export interface PartnerFigures {
  partnerId: string;
  partnerName: string;
  sent: number;
  accepted: number;
  declined: number;
  redirected: number;
  completed: number;
  withdrawn: number;
  open: number;
  acceptanceRate: number | null;
  meanDaysToRespond: number | null;
  meanDaysToClose: number | null;
}
export const figuresApi = {
  all: (from: string, to: string) =>
    request<{ items: PartnerFigures[] }>(`/partners/figures${query({ from, to })}`).then((r) => r.items),
  own: (from: string, to: string) =>
    request<{ items: PartnerFigures[] }>(`/partner/figures${query({ from, to })}`).then((r) => r.items),
};

export interface DimensionResult {
  dimension: string;
  title: string;
  raters: number;
  mean: number | null;
  spread: number | null;
  change: number | null;
  comments: string[];
}
export interface PartnershipReview {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
  openedAt: string;
  serviceRaters: number;
  partnerRaters: number;
  results: DimensionResult[];
  actions: { action: string; owner: string }[];
}
export const reviewsApi = {
  dimensions: () =>
    request<{ items: { code: string; title: string; question: string }[] }>('/partnership-reviews/dimensions').then(
      (r) => r.items,
    ),
  list: (partnerId: string) =>
    request<{ items: { id: string; title: string; openedAt: string }[] }>(`/partners/${partnerId}/reviews`).then(
      (r) => r.items,
    ),
  open: (partnerId: string, title: string) =>
    request<PartnershipReview>(`/partners/${partnerId}/reviews`, { method: 'POST', body: { title } }),
  get: (id: string) => request<PartnershipReview>(`/partnership-reviews/${id}`),
  rate: (id: string, ratings: { dimension: string; score: number; comment: string }[]) =>
    request<PartnershipReview>(`/partnership-reviews/${id}/ratings`, { method: 'PUT', body: { ratings } }),
  addAction: (id: string, action: string, owner: string) =>
    request<PartnershipReview>(`/partnership-reviews/${id}/actions`, { method: 'POST', body: { action, owner } }),
};

export interface SharedCarePlan {
  id: string;
  partnerId: string;
  partnerName: string;
  purpose: string;
  whoDoesWhat: string;
  contacts: string;
  dischargePlan: string;
  reviewOn: string | null;
  version: number;
}
export interface CaseConference {
  id: string;
  heldOn: string;
  attendees: string;
  decisions: string;
  actions: string;
  personAttended: boolean;
}
export const sharedCareApi = {
  plans: (personId: string) =>
    request<{ items: SharedCarePlan[] }>(`/people/${personId}/shared-care`).then((r) => r.items),
  addPlan: (personId: string, body: Partial<SharedCarePlan>) =>
    request<SharedCarePlan>(`/people/${personId}/shared-care`, { method: 'POST', body }),
  conferences: (personId: string) =>
    request<{ items: CaseConference[] }>(`/people/${personId}/case-conferences`).then((r) => r.items),
  addConference: (personId: string, body: Partial<CaseConference>) =>
    request<CaseConference>(`/people/${personId}/case-conferences`, { method: 'POST', body }),
};
