// The areas of Trellis. Each declares its own pages and who sees them; the shell only
// composes them (navigation shows only areas that exist and that the role can use).
import type { ReactElement } from 'react';
import type { Permission } from './session';
import { HomePage } from './HomePage';
import { AccountPage } from '../access/AccountPage';
import { TeamsPage } from '../access/TeamsPage';
import { UsersPage } from '../access/UsersPage';
import { UserPage } from '../access/UserPage';
import { AuditPage } from '../access/AuditPage';

export interface AreaPage {
  path: string;
  element: ReactElement;
  /** Shown in navigation when set. */
  nav?: { label: string; group: string };
  needs?: Permission;
}

export const pages: AreaPage[] = [
  { path: '/', element: <HomePage />, nav: { label: 'Home', group: 'Trellis' } },
  { path: '/admin/teams', element: <TeamsPage />, nav: { label: 'Teams', group: 'Administration' }, needs: 'view_teams' },
  { path: '/admin/users', element: <UsersPage />, nav: { label: 'Users', group: 'Administration' }, needs: 'view_users' },
  { path: '/admin/users/:id', element: <UserPage />, needs: 'view_users' },
  { path: '/admin/audit', element: <AuditPage />, nav: { label: 'Audit log', group: 'Administration' }, needs: 'view_audit' },
  { path: '/account', element: <AccountPage />, nav: { label: 'Your account', group: 'You' } },
];
