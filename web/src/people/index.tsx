// The people area: the caseload, a person's record and its own sections (details, supporters,
// care team), the portal's own pages, and break-the-glass reviews.
import type { Area } from '../app/area';
import { AccessReviewPage } from './AccessReviewPage';
import { CareTeamSection } from './CareTeamSection';
import { CaseloadPage } from './CaseloadPage';
import { MyRecordPage } from './MyRecordPage';
import { NewPersonPage } from './NewPersonPage';
import { PersonDetails } from './PersonDetails';
import { PersonPage } from './PersonPage';
import { SharedWithMePage } from './SharedWithMePage';
import { SummaryPage } from './SummaryPage';
import { SupportersSection } from './SupportersSection';

export const people: Area = {
  pages: [
    {
      path: '/me',
      element: <MyRecordPage />,
      nav: { label: 'My recovery plan', group: 'Trellis', order: 10 },
      when: (s) => s.user.role === 'person',
    },
    {
      path: '/shared',
      element: <SharedWithMePage />,
      nav: { label: 'Shared with me', group: 'Trellis', order: 20 },
      when: (s) => s.user.role === 'supporter',
    },
    {
      path: '/people',
      element: <CaseloadPage />,
      nav: { label: 'People we support', group: 'Support', order: 10 },
      needs: 'view_people',
    },
    { path: '/people/new', element: <NewPersonPage />, needs: 'add_people' },
    {
      path: '/access-reviews',
      element: <AccessReviewPage />,
      nav: { label: 'Break-the-glass reviews', group: 'Support', order: 40 },
      needs: 'review_break_glass',
    },
    { path: '/people/:id', element: <PersonPage /> },
    { path: '/people/:id/summary', element: <SummaryPage />, needs: 'view_people' },
  ],
  recordSections: [
    {
      key: 'details',
      order: 20,
      shows: (r) => r.parts.includes('profile') || r.may('profile'),
      render: (r) => <PersonDetails person={r.person} shown={r.parts.includes('profile')} canEdit={r.may('profile')} />,
    },
    {
      key: 'supporters',
      order: 80,
      anchor: 'supporters',
      label: 'Supporters',
      shows: (r) => r.parts.includes('supporters'),
      render: (r) => (
        <SupportersSection
          person={r.person}
          canWrite={r.may('supporters')}
          canShare={r.may('consent')}
          canInvite={r.may('sign_ins')}
        />
      ),
    },
    {
      key: 'care-team',
      order: 100,
      anchor: 'care-team',
      label: 'Care team',
      shows: (r) => r.parts.includes('care_team'),
      render: (r) => (
        <CareTeamSection
          person={r.person}
          canChange={r.may('care_team')}
          canInvite={r.may('sign_ins')}
          isPerson={r.isPerson}
        />
      ),
    },
  ],
};
