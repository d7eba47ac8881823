// The recovery area: the person's advance statement, plan, goals and check-ins in their
// record, getting ready for an appointment, and the organisation's life areas and rules.
import type { Area } from '../app/area';
import { AdvanceStatementSection } from './AdvanceStatementSection';
import { AppointmentPrepSection } from './AppointmentPrepSection';
import { CheckInsSection } from './CheckInsSection';
import { GoalsSection } from './GoalsSection';
import { LifeAreasPage } from './LifeAreasPage';
import { PlanPrintPage } from './PlanPrintPage';
import { PlanSection } from './PlanSection';
import { StatementRulesPage } from './StatementRulesPage';

export const recovery: Area = {
  pages: [
    { path: '/people/:id/plan/print', element: <PlanPrintPage /> },
    {
      path: '/admin/life-areas',
      element: <LifeAreasPage />,
      nav: { label: 'Life areas', group: 'Administration', order: 30 },
      needs: 'manage_teams',
    },
    {
      path: '/admin/advance-statements',
      element: <StatementRulesPage />,
      nav: { label: 'Advance statements', group: 'Administration', order: 40 },
      needs: 'manage_teams',
    },
  ],
  recordSections: [
    {
      key: 'advance',
      order: 10,
      anchor: 'advance',
      label: 'Advance statement',
      shows: (r) => r.parts.includes('advance_statement'),
      render: (r) => (
        <AdvanceStatementSection personId={r.person.id} canWrite={r.may('advance_statement')} isPerson={r.isPerson} />
      ),
    },
    {
      key: 'appointment-prep',
      order: 30,
      shows: (r) => r.isPerson,
      render: (r) => <AppointmentPrepSection personId={r.person.id} />,
    },
    {
      key: 'plan',
      order: 40,
      anchor: 'plan',
      label: 'Plan',
      shows: (r) => r.parts.includes('plan'),
      render: (r) => (
        <PlanSection personId={r.person.id} canWrite={r.may('plan')} isPerson={r.isPerson} visibleParts={r.parts} />
      ),
    },
    {
      key: 'goals',
      order: 50,
      anchor: 'goals',
      label: 'Goals',
      shows: (r) => r.parts.includes('goals'),
      render: (r) => <GoalsSection personId={r.person.id} canWrite={r.may('goals')} isPerson={r.isPerson} />,
    },
    {
      key: 'check-ins',
      order: 60,
      anchor: 'checkins',
      label: 'Life areas',
      shows: (r) => r.parts.includes('check_ins'),
      render: (r) => <CheckInsSection personId={r.person.id} canWrite={r.may('check_ins')} isPerson={r.isPerson} />,
    },
  ],
};
