// What the web client's tests share: a signed-in practitioner, as /auth/me answers, and a
// directory service with nothing but its id and name.
import type { DirectoryService, SessionInfo } from './api-schema';

export const testSession: SessionInfo = {
  csrfToken: 't',
  org: { id: '0'.repeat(32), name: 'Demo', timeZone: 'Australia/Melbourne' },
  permissions: ['view_directory', 'view_people'],
  sessionExpiresAt: '2026-11-23T12:00:00.000Z',
  twoStepSetupRequired: false,
  user: {
    id: '1'.repeat(32),
    displayName: 'Pat',
    email: 'pat@demo.example',
    role: 'practitioner',
    active: true,
    partnerId: null,
    personId: null,
    supporterId: null,
    teamIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  },
};

export function testService(id: string, name = `Service ${id}`): DirectoryService {
  return {
    id,
    name,
    categories: [],
    description: '',
    languages: '',
    latitude: null,
    longitude: null,
    organizationId: '',
    organizationName: '',
    postcode: '',
    status: 'active',
  };
}
