// The service directory: find services for a person's goals by words, category, language,
// opening hours and distance from a suburb, postcode or address. The filters live in the
// address bar, so a person's record can link to "services near them" and a search can be shared.
// Results come a page at a time; "Show more services" adds the next page below the last.
import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useSession } from '../app/session';
import {
  directoryApi,
  localMinute,
  servicesOf,
  shownServices,
  type DirectoryFilters,
  type DirectoryService,
} from './api';
import { DirectoryImport } from './DirectoryImport';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

const kFilterNames = ['q', 'category', 'language', 'near', 'radiusKm', 'open'] as const;

function ServiceRow({ s, categoryNames }: { s: DirectoryService; categoryNames: Map<string, string> }) {
  return (
    // Focusable from script only: focus moves here when it is the first of the services just added.
    <li className="list-row column" tabIndex={-1}>
      <p>
        <strong>{s.name}</strong> {s.status !== 'active' && <span className="tag warn">{s.status}</span>}
        {s.distanceKm !== undefined && <span className="muted"> · {s.distanceKm} km away</span>}
      </p>
      {s.organizationName && <p className="small">Run by {s.organizationName}</p>}
      <p className="muted">{s.description}</p>
      <p className="small">
        {s.categories.map((c) => categoryNames.get(c) ?? c).join(', ')}
        {s.languages && <> · Languages: {s.languages.replace(/,/g, ', ')}</>}
        {s.postcode && <> · {s.postcode}</>}
      </p>
    </li>
  );
}

export function DirectoryPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(kFilterNames.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof kFilterNames)[number],
    string
  >;
  // After "Show more services", focus goes to the first service the next page added: the button
  // moves below it, and is gone after the last page.
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const form = useForm({
    initial: current,
    submit: (v) => {
      // A new search starts from its first page, and focus stays on the form.
      focusFrom.current = null;
      const next = new URLSearchParams();
      for (const k of kFilterNames) if (v[k].trim()) next.set(k, v[k].trim());
      if (v.open) next.set('open', localMinute());
      setParams(next);
    },
  });
  const categories = useQuery({ queryKey: ['directory', 'categories'], queryFn: directoryApi.categories });
  const filters: DirectoryFilters = {
    q: current.q,
    category: current.category,
    language: current.language,
    near: current.near,
    radiusKm: current.near ? current.radiusKm : undefined,
    // "Open now" is the local time when the search was made, so the answer does not drift.
    openAt: current.open ? current.open : undefined,
  };
  const found = useInfiniteQuery({
    queryKey: ['directory', 'services', filters],
    // The first page has no cursor; each next one the nextCursor of the page before.
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => directoryApi.find(filters, pageParam),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const services = found.data ? servicesOf(found.data.pages) : undefined;
  const categoryNames = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
  const shown = services?.length ?? 0;
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || shown <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLLIElement>(':scope > li')[from]?.focus();
  }, [shown]);
  const showMore = () => {
    if (found.isFetchingNextPage) return;
    focusFrom.current = shown;
    void found.fetchNextPage().then((r) => {
      // Refused: focus stays on the button, by the error.
      if (r.isError) focusFrom.current = null;
    });
  };
  return (
    <>
      <PageTitle title="Service directory" />
      <form className="filters" role="search" aria-label="Find a service" onSubmit={form.onSubmit}>
        <TextField
          label="What are you looking for?"
          hint="For example counselling, housing, food"
          {...form.field('q')}
        />
        <SelectField label="Category" {...form.field('category')}>
          <option value="">Any category</option>
          {(categories.data ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.services})
            </option>
          ))}
        </SelectField>
        <TextField label="Near" hint="A suburb, postcode or address" {...form.field('near')} error={found.error} />
        <SelectField label="Within" {...form.field('radiusKm')} value={form.values.radiusKm || '25'}>
          {['5', '10', '25', '50', '100'].map((km) => (
            <option key={km} value={km}>
              {km} km
            </option>
          ))}
        </SelectField>
        <TextField label="Language" hint="For example Vietnamese, Auslan" {...form.field('language')} />
        <div className="check filter-check">
          <input
            id="open-now"
            type="checkbox"
            checked={!!form.values.open}
            onChange={(e) => form.set('open', e.target.checked ? 'yes' : '')}
          />
          <label htmlFor="open-now">Open now</label>
        </div>
        <button type="submit">Find</button>
      </form>
      <ErrorNotice error={found.error ?? categories.error} />
      {/* Always there, so each new count is announced: a live region must exist before it changes. */}
      <p className="muted" role="status">
        {services && services.length > 0 ? shownServices(services.length, found.hasNextPage, !!current.near) : ''}
      </p>
      <ul className="list" aria-label="Services found" ref={list}>
        {(services ?? []).map((s) => (
          <ServiceRow key={s.id} s={s} categoryNames={categoryNames} />
        ))}
      </ul>
      {found.hasNextPage && (
        <button type="button" onClick={showMore} aria-disabled={found.isFetchingNextPage}>
          Show more services
        </button>
      )}
      {services?.length === 0 && (
        <p role="status">No services match. Try fewer words, another category or a wider distance.</p>
      )}
      {can('manage_directory') && <DirectoryImport />}
    </>
  );
}
