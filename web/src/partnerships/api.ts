// The partnerships area's calls. Its types are generated from the server's schemas (app/api-schema.ts).
import { ApiError, query, request } from '../app/api';
import type {
  CaseConference,
  CaseConferenceList,
  Consent,
  DirectoryCategoryList,
  DirectoryImport,
  DirectoryImportProgress,
  DirectorySearchPage,
  DirectoryService,
  NewCaseConference,
  NewConsent,
  NewPartner,
  NewPartnerDocument,
  NewPartnershipReview,
  NewPartnershipReviewAction,
  NewReferral,
  NewSharedCarePlan,
  operations,
  Partner,
  PartnerCapacityChange,
  PartnerChange,
  PartnerDocument,
  PartnerDocumentList,
  PartnerDocumentType,
  PartnerFigures,
  PartnerFiguresReport,
  PartnerList,
  PartnerReferral,
  PartnershipDimensionList,
  PartnershipRating,
  PartnershipRatings,
  PartnershipReview,
  PartnershipReviewList,
  Referral,
  ReferralInboxPage,
  ReferralList,
  ReferralPartnerMove,
  ReferralState,
  ReferralStatusChange,
  SharedCarePlan,
  SharedCarePlanList,
  SharedPart,
} from '../app/api-schema';

export type { DirectoryService, Partner, PartnerFigures, Referral, ReferralPartnerMove, ReferralState };

/** The directory's search, as the address bar holds it: each of the route's query parameters, as text. */
export type DirectoryFilters = Partial<
  Record<keyof NonNullable<operations['getDirectoryServices']['parameters']['query']>, string>
>;
/** What an import sends: HSDS JSON as read, or the CSV files of a tabular export by name. */
export type ImportBody = DirectoryImport;

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

/**
 * The services of every page fetched so far, in the order found, each once: a service renamed or
 * moved while someone pages could otherwise come again on a later page.
 */
export function servicesOf(pages: DirectorySearchPage[]): DirectoryService[] {
  const seen = new Set<string>();
  return pages
    .flatMap((p) => p.items)
    .filter((s) => {
      if (seen.has(s.id)) return false;
      seen.add(s.id);
      return true;
    });
}

/** What a search shows, in words: how many services so far, whether there are more, and their order. */
export function shownServices(count: number, more: boolean, nearestFirst: boolean): string {
  const order = nearestFirst ? ', nearest first' : '';
  if (more) return `Showing the first ${count} services${order}`;
  if (count === 1) return 'Showing 1 service';
  return `Showing all ${count} services${order}`;
}

export const directoryApi = {
  /** One page of a search: the next after `cursor` (the page before's nextCursor), else the first. */
  find: (f: DirectoryFilters, cursor?: string) =>
    request<DirectorySearchPage>(`/directory/services${query({ ...f, cursor })}`),
  categories: () => request<DirectoryCategoryList>('/directory/categories').then((r) => r.items),
  startImport: (body: DirectoryImport) =>
    request<DirectoryImportProgress>('/directory/imports', { method: 'POST', body }),
  importProgress: (id: string) => request<DirectoryImportProgress>(`/directory/imports/${id}`),
};

/**
 * A partner's agreement as a manager edits it: each field the add and replace routes take
 * (NewPartner, PartnerChange), in the form the server keeps it (Partner).
 */
export type AgreementInput = Pick<Partner, keyof PartnerChange>;

/** The agreement as kept, to start editing from; only the fields the server takes. */
export function agreementOf(p: Partner): AgreementInput {
  return {
    name: p.name,
    directoryOrganizationId: p.directoryOrganizationId,
    status: p.status,
    agreementPurpose: p.agreementPurpose,
    agreementRoles: p.agreementRoles,
    agreementExpectations: p.agreementExpectations,
    agreementContacts: p.agreementContacts,
    informationSharing: p.informationSharing,
    ourResources: p.ourResources,
    partnerResources: p.partnerResources,
    agreementStartsOn: p.agreementStartsOn,
    agreementReviewOn: p.agreementReviewOn,
    responseDays: p.responseDays,
    takingReferrals: p.takingReferrals,
    waitWeeks: p.waitWeeks,
    requiredParts: p.requiredParts,
    referralGuidance: p.referralGuidance,
  };
}

/** The file extensions of each document type a partnership keeps. */
const kDocumentExtensions: Record<PartnerDocumentType, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/msword': ['doc'],
  'text/plain': ['txt'],
};
const isDocumentType = (t: string): t is PartnerDocumentType => Object.hasOwn(kDocumentExtensions, t);

/**
 * What a file is, as the server takes it: the browser's type when it is one the server keeps,
 * else by its extension (browsers often give no type for Word or OpenDocument files); null when neither.
 */
export function documentTypeOf(file: { name: string; type: string }): PartnerDocumentType | null {
  if (isDocumentType(file.type)) return file.type;
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  return (
    Object.keys(kDocumentExtensions)
      .filter(isDocumentType)
      .find((t) => kDocumentExtensions[t].includes(extension)) ?? null
  );
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
    request<PartnerDocumentList>(`/partners/${partnerId}/documents`).then((r) => r.items),
  documentUrl: (partnerId: string, id: string) => `/api/v1/partners/${partnerId}/documents/${id}`,
  attach: async (partnerId: string, file: File) => {
    const contentType = documentTypeOf(file);
    if (!contentType)
      throw new ApiError({
        status: 422,
        title: 'That file cannot be attached',
        detail: `${file.name} is not a PDF, Word, OpenDocument or text file.`,
      });
    const body: NewPartnerDocument = { name: file.name, contentType, data: await base64Of(file) };
    return request<PartnerDocument>(`/partners/${partnerId}/documents`, { method: 'POST', body });
  },
  add: (body: NewPartner) => request<Partner>('/partners', { method: 'POST', body }),
  update: (p: Partner, body: PartnerChange) =>
    request<Partner>(`/partners/${p.id}`, { method: 'PUT', body, ifMatch: `"${p.version}"` }),
  ownAgency: () => request<Partner>('/partner/agency'),
  updateCapacity: (p: Partner, body: PartnerCapacityChange) =>
    request<Partner>('/partner/capacity', { method: 'PUT', body, ifMatch: `"${p.version}"` }),
};
export const referralStatusLabels: Record<ReferralState, string> = {
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
  partners: () => request<PartnerList>('/partners').then((r) => r.items),
  forPerson: (personId: string) => request<ReferralList>(base(personId)).then((r) => r.items),
  draft: (personId: string, body: NewReferral) => request<Referral>(base(personId), { method: 'POST', body }),
  send: (personId: string, r: Referral) =>
    request<Referral>(`${base(personId)}/${r.id}/send`, { method: 'POST', ifMatch: `"${r.version}"` }),
  consent: (personId: string, partnerId: string, parts: SharedPart[], purpose: string) =>
    request<Consent>(`/people/${personId}/consents`, {
      method: 'POST',
      body: { partnerId, parts, purpose } satisfies NewConsent,
    }),
  inbox: (cursor?: string) => request<ReferralInboxPage>(`/partner/referrals${query({ cursor })}`),
  inboxItem: (id: string) => request<PartnerReferral>(`/partner/referrals/${id}`),
  respond: (r: Referral, status: ReferralPartnerMove, note?: string) =>
    request<Referral>(`/partner/referrals/${r.id}/status`, {
      method: 'POST',
      body: (note ? { status, note } : { status }) satisfies ReferralStatusChange,
      ifMatch: `"${r.version}"`,
    }),
};

export const figuresApi = {
  all: (from: string, to: string) =>
    request<PartnerFiguresReport>(`/partners/figures${query({ from, to })}`).then((r) => r.items),
  own: (from: string, to: string) =>
    request<PartnerFiguresReport>(`/partner/figures${query({ from, to })}`).then((r) => r.items),
};

export const reviewsApi = {
  dimensions: () => request<PartnershipDimensionList>('/partnership-reviews/dimensions').then((r) => r.items),
  list: (partnerId: string) => request<PartnershipReviewList>(`/partners/${partnerId}/reviews`).then((r) => r.items),
  open: (partnerId: string, title: string) =>
    request<PartnershipReview>(`/partners/${partnerId}/reviews`, {
      method: 'POST',
      body: { title } satisfies NewPartnershipReview,
    }),
  get: (id: string) => request<PartnershipReview>(`/partnership-reviews/${id}`),
  rate: (id: string, ratings: PartnershipRating[]) =>
    request<PartnershipReview>(`/partnership-reviews/${id}/ratings`, {
      method: 'PUT',
      body: { ratings } satisfies PartnershipRatings,
    }),
  addAction: (id: string, action: string, owner: string) =>
    request<PartnershipReview>(`/partnership-reviews/${id}/actions`, {
      method: 'POST',
      body: { action, owner } satisfies NewPartnershipReviewAction,
    }),
};

export const sharedCareApi = {
  plans: (personId: string) => request<SharedCarePlanList>(`/people/${personId}/shared-care`).then((r) => r.items),
  addPlan: (personId: string, body: NewSharedCarePlan) =>
    request<SharedCarePlan>(`/people/${personId}/shared-care`, { method: 'POST', body }),
  conferences: (personId: string) =>
    request<CaseConferenceList>(`/people/${personId}/case-conferences`).then((r) => r.items),
  addConference: (personId: string, body: NewCaseConference) =>
    request<CaseConference>(`/people/${personId}/case-conferences`, { method: 'POST', body }),
};
