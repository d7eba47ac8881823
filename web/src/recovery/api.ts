// The recovery area's calls and types, mirroring server/src/recovery/routes.cpp.
import { request, requestVersioned } from '../app/api';

export interface LifeArea {
  id: string;
  code: string;
  name: string;
  description: string;
  active: boolean;
}
export interface Rating {
  lifeAreaId: string;
  personRating: number | null;
  workerRating: number | null;
  whatMatters: string;
  whatIsWorking: string;
  whatWouldHelp: string;
}
export interface CheckIn {
  id: string;
  takenAt: string;
  enteredByName: string | null;
  enteredByRole: string | null;
  ratings: Rating[];
  priorities: string;
  homeEnvironment: string;
  relationships: string;
}
export interface Section {
  text: string;
  writtenBy: 'person' | 'worker';
  writtenByName: string;
  updatedAt: string;
}
export interface Plan {
  id: string | null;
  sections: Record<string, Section>;
  reviewOn: string | null;
  agreedByPerson: boolean;
  agreedAt: string | null;
  disagreement: string;
  version: number;
}
export type GoalStatus = 'not_started' | 'under_way' | 'achieved' | 'set_aside';
export type StepStatus = 'not_started' | 'under_way' | 'done' | 'set_aside';
export interface Step {
  id: string;
  description: string;
  who: 'person' | 'worker' | 'supporter' | 'partner';
  whoName: string;
  dueOn: string | null;
  status: StepStatus;
  doneAt: string | null;
  version: number;
}
export interface Goal {
  id: string;
  title: string;
  whyItMatters: string;
  lifeAreaIds: string[];
  status: GoalStatus;
  writtenBy: 'person' | 'worker';
  achievedAt: string | null;
  version: number;
  steps: Step[];
  notes: { id: string; note: string; writtenAt: string; writtenByName: string | null }[];
}
export interface Achievement {
  kind: 'goal' | 'step';
  id: string;
  title: string;
  achievedAt: string;
}

export const planSections: { key: string; label: string; hint: string; group: 'plan' | 'safety' | 'wellness' }[] = [
  { key: 'hopes', label: 'My hopes and dreams', hint: 'What I want for my life, in my own words.', group: 'plan' },
  { key: 'strengths', label: 'My strengths', hint: 'What I am good at; what others value in me.', group: 'plan' },
  { key: 'whatHelps', label: 'What helps', hint: 'People, places and things that help me.', group: 'plan' },
  { key: 'whatDoesNotHelp', label: 'What does not help', hint: 'What makes things harder.', group: 'plan' },
  {
    key: 'treatmentPreferences',
    label: 'My treatment and support preferences',
    hint: 'What I would like support to look like.',
    group: 'plan',
  },
  { key: 'safetyUpsets', label: 'What may upset me', hint: 'Only my care team and I see this.', group: 'safety' },
  { key: 'safetyHelps', label: 'What helps me feel safe', hint: 'Only my care team and I see this.', group: 'safety' },
  { key: 'wellnessEarlySigns', label: 'Early signs I am becoming unwell', hint: '', group: 'wellness' },
  { key: 'wellnessWhatIDo', label: 'What I do', hint: '', group: 'wellness' },
  { key: 'wellnessWhatOthersDo', label: 'What others can do', hint: '', group: 'wellness' },
  { key: 'wellnessContacts', label: 'Who to contact', hint: '', group: 'wellness' },
];

export const goalStatusLabels: Record<GoalStatus, string> = {
  not_started: 'Not started',
  under_way: 'Under way',
  achieved: 'Achieved',
  set_aside: 'Set aside for now',
};
export const stepStatusLabels: Record<StepStatus, string> = {
  not_started: 'Not started',
  under_way: 'Under way',
  done: 'Done',
  set_aside: 'Set aside for now',
};

const base = (id: string) => `/people/${id}`;

export const recoveryApi = {
  lifeAreas: () => request<{ items: LifeArea[] }>('/life-areas').then((r) => r.items),
  checkIns: (id: string) => request<{ items: CheckIn[] }>(`${base(id)}/check-ins?limit=100`).then((r) => r.items),
  addCheckIn: (
    id: string,
    body: { ratings: Partial<Rating>[]; priorities?: string; homeEnvironment?: string; relationships?: string },
  ) => request<CheckIn>(`${base(id)}/check-ins`, { method: 'POST', body }),
  plan: (id: string) => requestVersioned<Plan>(`${base(id)}/plan`),
  savePlan: (id: string, plan: Plan, sections: Record<string, string>, reviewOn?: string) =>
    request<Plan>(`${base(id)}/plan`, {
      method: 'PUT',
      body: reviewOn === undefined ? { sections } : { sections, reviewOn },
      ifMatch: plan.version > 0 ? `"${plan.version}"` : undefined,
    }),
  respondToPlan: (id: string, plan: Plan, agree: boolean, disagreement?: string) =>
    request<Plan>(`${base(id)}/plan/response`, {
      method: 'POST',
      body: agree ? { agree } : { agree, disagreement },
      ifMatch: `"${plan.version}"`,
    }),
  goals: (id: string) => request<{ items: Goal[] }>(`${base(id)}/goals`).then((r) => r.items),
  addGoal: (id: string, g: { title: string; whyItMatters?: string; lifeAreaIds?: string[] }) =>
    request<Goal>(`${base(id)}/goals`, { method: 'POST', body: g }),
  addNote: (id: string, goalId: string, note: string) =>
    request<unknown>(`${base(id)}/goals/${goalId}/notes`, { method: 'POST', body: { note } }),
  updateGoal: (id: string, g: Goal, changes: Partial<Pick<Goal, 'title' | 'whyItMatters' | 'status'>>) =>
    request<Goal>(`${base(id)}/goals/${g.id}`, { method: 'PATCH', body: changes, ifMatch: `"${g.version}"` }),
  addStep: (
    id: string,
    goalId: string,
    s: { description: string; who: Step['who']; whoName?: string; dueOn?: string },
  ) => request<Step>(`${base(id)}/goals/${goalId}/steps`, { method: 'POST', body: s }),
  updateStep: (id: string, goalId: string, s: Step, changes: Partial<Pick<Step, 'status' | 'description'>>) =>
    request<Step>(`${base(id)}/goals/${goalId}/steps/${s.id}`, {
      method: 'PATCH',
      body: changes,
      ifMatch: `"${s.version}"`,
    }),
  achievements: (id: string) => request<{ items: Achievement[] }>(`${base(id)}/achievements`).then((r) => r.items),
};

export interface AdvanceStatement {
  id: string;
  treatmentPreferences: string;
  whatIDoNotWant: string;
  otherWishes: string;
  nominatedSupportName: string;
  nominatedSupportContact: string;
  signedOn: string;
  witnessName: string;
  witnessRole: string;
  witnessedOn: string | null;
  status: 'current' | 'replaced' | 'revoked';
  revokedAt: string | null;
  recordedAt: string;
  recordedByName: string | null;
}
export interface AdvanceStatementRules {
  witnessRequired: boolean;
  witnessRoleRequired: boolean;
  nominatedSupportRequired: boolean;
}
export const advanceApi = {
  list: (id: string) =>
    request<{ items: AdvanceStatement[]; rules: AdvanceStatementRules }>(`/people/${id}/advance-statements`),
  make: (id: string, body: Partial<AdvanceStatement>) =>
    request<AdvanceStatement>(`/people/${id}/advance-statements`, { method: 'POST', body }),
  revoke: (id: string, reason: string) =>
    request<void>(`/people/${id}/advance-statements/revoke`, { method: 'POST', body: { reason } }),
};

export interface AppointmentPrep {
  id: string;
  forDate: string | null;
  howThingsHaveBeen: string;
  wantToTalkAbout: string;
  whatHelps: string;
  wantTreatmentToHelp: string;
  writtenAt: string;
  writtenByRole: string | null;
}
export const prepApi = {
  list: (id: string) => request<{ items: AppointmentPrep[] }>(`/people/${id}/appointment-preps`).then((r) => r.items),
  add: (id: string, body: Partial<AppointmentPrep>) =>
    request<AppointmentPrep>(`/people/${id}/appointment-preps`, { method: 'POST', body }),
};

export const lifeAreasApi = {
  add: (name: string, description: string) =>
    request<LifeArea>('/life-areas', { method: 'POST', body: { name, description } }),
  update: (id: string, changes: Partial<Pick<LifeArea, 'name' | 'description' | 'active'>>) =>
    request<LifeArea>(`/life-areas/${id}`, { method: 'PATCH', body: changes }),
};

export interface PlanVersion {
  version: number;
  data: { sections?: Record<string, Section>; reviewOn?: string | null };
  changedAt: string;
  changedByName: string | null;
}
export const historyApi = {
  plan: (id: string) => request<{ items: PlanVersion[] }>(`/people/${id}/plan/history`).then((r) => r.items),
};

export const statementRulesApi = {
  get: () => request<AdvanceStatementRules>('/settings/advance-statements'),
  set: (r: AdvanceStatementRules) =>
    request<AdvanceStatementRules>('/settings/advance-statements', { method: 'PUT', body: r }),
};
