// The access area: teams, users, the audit log and the signed-in user's own account. It also
// gives the shell the pages seen before signing in and the password confirmation dialog.
import type { Area } from '../app/area';
import { AccountPage } from './AccountPage';
import { AuditPage } from './AuditPage';
import { TeamsPage } from './TeamsPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';

export { AccountPage } from './AccountPage';
export { InvitationPage } from './InvitationPage';
export { ReauthDialog } from './ReauthDialog';
export { SignInPage } from './SignInPage';

export const access: Area = {
  pages: [
    {
      path: '/admin/teams',
      element: <TeamsPage />,
      nav: { label: 'Teams', group: 'Administration', order: 10 },
      needs: 'view_teams',
    },
    {
      path: '/admin/users',
      element: <UsersPage />,
      nav: { label: 'Users', group: 'Administration', order: 20 },
      needs: 'view_users',
    },
    { path: '/admin/users/:id', element: <UserPage />, needs: 'view_users' },
    {
      path: '/admin/audit',
      element: <AuditPage />,
      nav: { label: 'Audit log', group: 'Administration', order: 50 },
      needs: 'view_audit',
    },
    { path: '/account', element: <AccountPage />, nav: { label: 'Your account', group: 'You', order: 10 } },
  ],
  recordSections: [],
};
