// The areas of Trellis. Each declares its own pages and who sees them; the shell only
// composes them (navigation shows only areas that exist and that the role can use).
import type { ReactElement } from 'react';
import type { Permission, SessionInfo } from './session';
import { HomePage } from './HomePage';
import { AccountPage } from '../access/AccountPage';
import { TeamsPage } from '../access/TeamsPage';
import { UsersPage } from '../access/UsersPage';
import { UserPage } from '../access/UserPage';
import { AuditPage } from '../access/AuditPage';
import { CaseloadPage } from '../people/CaseloadPage';
import { NewPersonPage } from '../people/NewPersonPage';
import { PersonPage } from '../people/PersonPage';
import { MyRecordPage } from '../people/MyRecordPage';
import { SharedWithMePage } from '../people/SharedWithMePage';
import { SummaryPage } from '../people/SummaryPage';
import { AccessReviewPage } from '../people/AccessReviewPage';
import { LifeAreasPage } from '../recovery/LifeAreasPage';
import { PlanPrintPage } from '../recovery/PlanPrintPage';
import { StatementRulesPage } from '../recovery/StatementRulesPage';
import { DirectoryPage } from '../partnerships/DirectoryPage';
import { PartnerInboxPage } from '../partnerships/PartnerInboxPage';
import { PartnershipsPage } from '../partnerships/PartnershipsPage';
import { ReviewPage } from '../partnerships/ReviewPage';

export interface AreaPage {
  path: string;
  element: ReactElement;
  /** Shown in navigation when set. */
  nav?: { label: string; group: string };
  needs?: Permission;
  /** Shown only when this holds (for pages tied to a kind of account, not a permission). */
  when?: (s: SessionInfo) => boolean;
}

export const pages: AreaPage[] = [
  { path: '/', element: <HomePage />, nav: { label: 'Home', group: 'Trellis' } },
  { path: '/me', element: <MyRecordPage />, nav: { label: 'My recovery plan', group: 'Trellis' }, when: (s) => s.user.role === 'person' },
  { path: '/shared', element: <SharedWithMePage />, nav: { label: 'Shared with me', group: 'Trellis' }, when: (s) => s.user.role === 'supporter' },
  { path: '/people', element: <CaseloadPage />, nav: { label: 'People we support', group: 'Support' }, needs: 'view_people' },
  { path: '/people/new', element: <NewPersonPage />, needs: 'add_people' },
  { path: '/partner/referrals', element: <PartnerInboxPage />, nav: { label: 'Referrals', group: 'Partner agency' }, needs: 'partner_inbox' },
  { path: '/partnerships', element: <PartnershipsPage />, nav: { label: 'Partnerships', group: 'Support' }, needs: 'manage_partners' },
  { path: '/partnership-reviews/:id', element: <ReviewPage /> },
  { path: '/directory', element: <DirectoryPage />, nav: { label: 'Service directory', group: 'Support' }, needs: 'view_directory' },
  { path: '/access-reviews', element: <AccessReviewPage />, nav: { label: 'Break-the-glass reviews', group: 'Support' }, needs: 'review_break_glass' },
  { path: '/people/:id', element: <PersonPage /> },
  { path: '/people/:id/plan/print', element: <PlanPrintPage /> },
  { path: '/people/:id/summary', element: <SummaryPage />, needs: 'view_people' },
  { path: '/admin/teams', element: <TeamsPage />, nav: { label: 'Teams', group: 'Administration' }, needs: 'view_teams' },
  { path: '/admin/users', element: <UsersPage />, nav: { label: 'Users', group: 'Administration' }, needs: 'view_users' },
  { path: '/admin/users/:id', element: <UserPage />, needs: 'view_users' },
  { path: '/admin/life-areas', element: <LifeAreasPage />, nav: { label: 'Life areas', group: 'Administration' }, needs: 'manage_teams' },
  { path: '/admin/advance-statements', element: <StatementRulesPage />, nav: { label: 'Advance statements', group: 'Administration' }, needs: 'manage_teams' },
  { path: '/admin/audit', element: <AuditPage />, nav: { label: 'Audit log', group: 'Administration' }, needs: 'view_audit' },
  { path: '/account', element: <AccountPage />, nav: { label: 'Your account', group: 'You' } },
];

/** The pages this signed-in user can use; the one place navigation and routing ask. */
export function pagesFor(session: SessionInfo): AreaPage[] {
  return pages.filter((p) => (!p.needs || session.permissions.includes(p.needs)) && (!p.when || p.when(session)));
}
