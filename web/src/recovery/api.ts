// The recovery area's calls. Its types are generated from the server's schemas (app/api-schema.ts).
import { query, request, requestVersioned } from '../app/api';
import type {
  AchievementList,
  AdvanceStatement,
  AdvanceStatementList,
  AdvanceStatementRevocation,
  AdvanceStatementRules,
  AppointmentPrep,
  AppointmentPrepList,
  CheckIn,
  CheckInList,
  Goal,
  GoalChange,
  GoalList,
  GoalNote,
  GoalStatus,
  LifeArea,
  LifeAreaChange,
  LifeAreaList,
  NewAdvanceStatement,
  NewAppointmentPrep,
  NewCheckIn,
  NewGoal,
  NewGoalNote,
  NewLifeArea,
  NewStep,
  Plan,
  PlanAgreement,
  PlanHistory,
  PlanInput,
  PlanSection,
  PlanSections,
  RecordPart,
  Step,
  StepChange,
  StepOwner,
  StepStatus,
} from '../app/api-schema';

export type {
  AdvanceStatement,
  AdvanceStatementRules,
  CheckIn,
  Goal,
  GoalStatus,
  LifeArea,
  Plan,
  Step,
  StepOwner,
  StepStatus,
};

/** A section of the plan, by its key. */
export type PlanSectionKey = keyof PlanSections;
/** The sections' words as the editor sends them: only those being changed. */
export type PlanTexts = PlanInput['sections'];
/** Where a section sits: the plan itself, feeling safe, or the wellness plan. */
export type PlanGroup = 'plan' | 'safety' | 'wellness';

export const planSections: { key: PlanSectionKey; label: string; hint: string; group: PlanGroup }[] = [
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

/** The part of the record each group of sections needs to be seen. */
export const planGroupParts: Record<PlanGroup, RecordPart> = {
  plan: 'plan',
  safety: 'safety',
  wellness: 'wellness_plan',
};

/**
 * The sections of a plan with words in them, in planSections' order, each with what was written
 * (a plan has only the sections written so far that its reader may see).
 */
export function writtenSections(
  sections: PlanSections,
  only: (s: (typeof planSections)[number]) => boolean = () => true,
): ((typeof planSections)[number] & { written: PlanSection })[] {
  return planSections.flatMap((s) => {
    const written = sections[s.key];
    return written?.text && only(s) ? [{ ...s, written }] : [];
  });
}

export const goalStatusLabels: Record<GoalStatus, string> = {
  not_started: 'Not started',
  under_way: 'Under way',
  achieved: 'Achieved',
  set_aside: 'Set aside for now',
};
export const isGoalStatus = (s: string): s is GoalStatus => Object.hasOwn(goalStatusLabels, s);
export const stepStatusLabels: Record<StepStatus, string> = {
  not_started: 'Not started',
  under_way: 'Under way',
  done: 'Done',
  set_aside: 'Set aside for now',
};

const base = (id: string) => `/people/${id}`;

export const recoveryApi = {
  lifeAreas: () => request<LifeAreaList>('/life-areas').then((r) => r.items),
  checkIns: (id: string) =>
    request<CheckInList>(`${base(id)}/check-ins${query({ limit: '100' })}`).then((r) => r.items),
  addCheckIn: (id: string, body: NewCheckIn) => request<CheckIn>(`${base(id)}/check-ins`, { method: 'POST', body }),
  plan: (id: string) => requestVersioned<Plan>(`${base(id)}/plan`),
  /** Only the sections given are changed; reviewOn when given ('' clears it). */
  savePlan: (id: string, plan: Plan, sections: PlanTexts, reviewOn?: string) =>
    request<Plan>(`${base(id)}/plan`, {
      method: 'PUT',
      body: (reviewOn === undefined ? { sections } : { sections, reviewOn }) satisfies PlanInput,
      // If-Match once the plan has been saved: before that there is no version to match.
      ifMatch: plan.version > 0 ? `"${plan.version}"` : undefined,
    }),
  respondToPlan: (id: string, plan: Plan, agree: boolean, disagreement?: string) =>
    request<Plan>(`${base(id)}/plan/response`, {
      method: 'POST',
      body: (agree ? { agree } : { agree, disagreement }) satisfies PlanAgreement,
      ifMatch: `"${plan.version}"`,
    }),
  goals: (id: string) => request<GoalList>(`${base(id)}/goals`).then((r) => r.items),
  addGoal: (id: string, body: NewGoal) => request<Goal>(`${base(id)}/goals`, { method: 'POST', body }),
  addNote: (id: string, goalId: string, note: string) =>
    request<GoalNote>(`${base(id)}/goals/${goalId}/notes`, {
      method: 'POST',
      body: { note } satisfies NewGoalNote,
    }),
  updateGoal: (id: string, g: Goal, changes: GoalChange) =>
    request<Goal>(`${base(id)}/goals/${g.id}`, { method: 'PATCH', body: changes, ifMatch: `"${g.version}"` }),
  addStep: (id: string, goalId: string, body: NewStep) =>
    request<Step>(`${base(id)}/goals/${goalId}/steps`, { method: 'POST', body }),
  updateStep: (id: string, goalId: string, s: Step, changes: StepChange) =>
    request<Step>(`${base(id)}/goals/${goalId}/steps/${s.id}`, {
      method: 'PATCH',
      body: changes,
      ifMatch: `"${s.version}"`,
    }),
  achievements: (id: string) => request<AchievementList>(`${base(id)}/achievements`).then((r) => r.items),
};

export const advanceApi = {
  list: (id: string) => request<AdvanceStatementList>(`${base(id)}/advance-statements`),
  make: (id: string, body: NewAdvanceStatement) =>
    request<AdvanceStatement>(`${base(id)}/advance-statements`, { method: 'POST', body }),
  revoke: (id: string, reason?: string) =>
    request<void>(`${base(id)}/advance-statements/revoke`, {
      method: 'POST',
      body: (reason ? { reason } : {}) satisfies AdvanceStatementRevocation,
    }),
};

export const prepApi = {
  list: (id: string) => request<AppointmentPrepList>(`${base(id)}/appointment-preps`).then((r) => r.items),
  add: (id: string, body: NewAppointmentPrep) =>
    request<AppointmentPrep>(`${base(id)}/appointment-preps`, { method: 'POST', body }),
};

export const lifeAreasApi = {
  add: (name: string, description: string) =>
    request<LifeArea>('/life-areas', { method: 'POST', body: { name, description } satisfies NewLifeArea }),
  update: (id: string, changes: LifeAreaChange) =>
    request<LifeArea>(`/life-areas/${id}`, { method: 'PATCH', body: changes }),
};

export const historyApi = {
  plan: (id: string) => request<PlanHistory>(`${base(id)}/plan/history`).then((r) => r.items),
};

export const statementRulesApi = {
  get: () => request<AdvanceStatementRules>('/settings/advance-statements'),
  set: (r: AdvanceStatementRules) =>
    request<AdvanceStatementRules>('/settings/advance-statements', { method: 'PUT', body: r }),
};
