import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import type { CaseloadEntry, CaseloadPage as Page } from '../app/api-schema';
import { SessionProvider } from '../app/session';
import { testSession } from '../app/test-support';
import { CaseloadPage, shownPeople } from './CaseloadPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function person(n: number): CaseloadEntry {
  return {
    id: String(n).padStart(32, '0'),
    givenName: `Given${n}`,
    familyName: 'Family',
    preferredName: '',
    displayName: `Person ${n}`,
    pronouns: '',
    dateOfBirth: '',
    email: '',
    phone: '',
    address: '',
    languages: '',
    interpreterNeeded: false,
    culturalIdentity: '',
    spiritualPractice: '',
    communicationNeeds: '',
    otherProviders: '',
    status: 'receiving_support',
    supportStartedOn: '2026-01-01',
    supportEndedOn: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    reviewOn: null,
    lastCheckIn: null,
    reviewOverdue: false,
    lastChange: '',
  };
}

/** The server, as far as the page asks it: a caseload of two pages. */
function serve(asked: URL[]) {
  const pages: Record<string, Page> = {
    '': { items: [person(1), person(2)], nextCursor: 'after-2' },
    'after-2': { items: [person(3)], nextCursor: null },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      let body: unknown = { items: [] };
      if (url.pathname === '/api/v1/auth/me') body = testSession;
      if (url.pathname === '/api/v1/people') {
        asked.push(url);
        body = pages[url.searchParams.get('cursor') ?? ''];
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

describe('CaseloadPage', () => {
  it('shows everyone on the caseload a page at a time, and focus moves to the first person added', async () => {
    const asked: URL[] = [];
    serve(asked);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <SessionProvider>
          <MemoryRouter>
            <CaseloadPage />
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('link', { name: 'Person 2' });
    expect(screen.getByText('Showing the first 2 people').getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Show more people' }));
    const third = await screen.findByRole('link', { name: 'Person 3' });
    await waitFor(() => expect(document.activeElement).toBe(third));
    expect(screen.getByText('Showing all 3 people')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more people' })).toBeNull();
    expect(asked.map((u) => u.searchParams.get('cursor'))).toEqual([null, 'after-2']);
  });

  it('says how many are shown in plain words', () => {
    expect(shownPeople(0, false)).toBe('');
    expect(shownPeople(1, false)).toBe('Showing 1 person');
    expect(shownPeople(50, true)).toBe('Showing the first 50 people');
  });
});
