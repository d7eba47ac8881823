// The partnerships area: the service directory, partner agencies and their agreements and
// reviews, a partner agency's referral inbox, and referrals and shared care in a person's record.
import type { Area } from '../app/area';
import { DirectoryPage } from './DirectoryPage';
import { PartnerInboxPage } from './PartnerInboxPage';
import { PartnershipsPage } from './PartnershipsPage';
import { ReferralsSection } from './ReferralsSection';
import { ReviewPage } from './ReviewPage';
import { SharedCareSection } from './SharedCareSection';

export const partnerships: Area = {
  pages: [
    {
      path: '/partner/referrals',
      element: <PartnerInboxPage />,
      nav: { label: 'Referrals', group: 'Partner agency', order: 10 },
      needs: 'partner_inbox',
    },
    {
      path: '/partnerships',
      element: <PartnershipsPage />,
      nav: { label: 'Partnerships', group: 'Support', order: 20 },
      needs: 'manage_partners',
    },
    { path: '/partnership-reviews/:id', element: <ReviewPage /> },
    {
      path: '/directory',
      element: <DirectoryPage />,
      nav: { label: 'Service directory', group: 'Support', order: 30 },
      needs: 'view_directory',
    },
  ],
  recordSections: [
    {
      key: 'referrals',
      order: 70,
      anchor: 'referrals',
      label: 'Referrals',
      shows: (r) => r.parts.includes('referrals'),
      render: (r) => (
        <ReferralsSection
          personId={r.person.id}
          staff={r.staff && r.may('referrals')}
          isPerson={r.isPerson}
          address={r.person.address}
          name={r.person.displayName}
        />
      ),
    },
    {
      key: 'shared-care',
      order: 90,
      anchor: 'shared-care',
      shows: (r) => r.parts.includes('care_team'),
      render: (r) => <SharedCareSection personId={r.person.id} staff={r.staff && r.may('care_team')} />,
    },
  ],
};
