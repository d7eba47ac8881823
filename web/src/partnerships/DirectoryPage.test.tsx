import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { DirectorySearchPage } from '../app/api-schema';
import { testService, testSession as session } from '../app/test-support';
import { SessionProvider } from '../app/session';
import { DirectoryPage } from './DirectoryPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const service = (n: number) => testService(`s${n}`, `Service ${n}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => service(from + i));

/** The server, as far as the page asks it: two pages of services for any search. */
function serve(searches: URL[]) {
  const pages: Record<string, DirectorySearchPage> = {
    '': { items: range(1, 3), nextCursor: 'after-3' },
    'after-3': { items: range(4, 5), nextCursor: null },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      let body: unknown = { items: [] };
      if (url.pathname === '/api/v1/auth/me') body = session;
      if (url.pathname === '/api/v1/directory/services') {
        searches.push(url);
        body = pages[url.searchParams.get('cursor') ?? ''];
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

function renderPage(at: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={[at]}>
          <DirectoryPage />
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('DirectoryPage', () => {
  it('adds the next page below the last with the same filters, says how many, and moves focus to the first added', async () => {
    const searches: URL[] = [];
    serve(searches);
    renderPage('/directory?q=housing&category=housing');
    const list = await screen.findByRole('list', { name: 'Services found' });
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
    expect(screen.getByText('Showing the first 3 services').getAttribute('role')).toBe('status');

    fireEvent.click(screen.getByRole('button', { name: 'Show more services' }));
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(5));
    expect([...list.querySelectorAll('li strong')].map((e) => e.textContent)).toEqual([
      'Service 1',
      'Service 2',
      'Service 3',
      'Service 4',
      'Service 5',
    ]);
    expect(screen.getByText('Showing all 5 services')).toBeTruthy();
    // Focus is on the first service the click added; the button is gone after the last page.
    await waitFor(() => expect(document.activeElement).toBe(list.querySelectorAll('li')[3]));
    expect(screen.queryByRole('button', { name: 'Show more services' })).toBeNull();

    // The next page was asked for with the same filters and the first page's cursor.
    expect(searches.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { q: 'housing', category: 'housing' },
      { q: 'housing', category: 'housing', cursor: 'after-3' },
    ]);
  });
});
