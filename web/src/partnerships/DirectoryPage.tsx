// The service directory: find services for a person's goals by words, category, language,
// opening hours and distance from a suburb, postcode or address. The filters live in the
// address bar, so a person's record can link to "services near them" and a search can be shared.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useSession } from '../app/session';
import { directoryApi, localMinute, type DirectoryFilters, type DirectoryService } from './api';
import { DirectoryImport } from './DirectoryImport';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

const kFilterNames = ['q', 'category', 'language', 'near', 'radiusKm', 'open'] as const;

function ServiceRow({ s, categoryNames }: { s: DirectoryService; categoryNames: Map<string, string> }) {
  return (
    <li className="list-row column">
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
  const form = useForm({
    initial: current,
    submit: (v) => {
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
  const found = useQuery({ queryKey: ['directory', filters], queryFn: () => directoryApi.find(filters) });
  const categoryNames = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
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
      {found.data && found.data.length > 0 && (
        <p className="muted" role="status">
          {found.data.length === 50
            ? 'The first 50 services'
            : `${found.data.length} ${found.data.length === 1 ? 'service' : 'services'}`}
          {current.near ? ', nearest first' : ''}
        </p>
      )}
      <ul className="list" aria-label="Services found">
        {(found.data ?? []).map((s) => (
          <ServiceRow key={s.id} s={s} categoryNames={categoryNames} />
        ))}
      </ul>
      {found.data?.length === 0 && (
        <p role="status">No services match. Try fewer words, another category or a wider distance.</p>
      )}
      {can('manage_directory') && <DirectoryImport />}
    </>
  );
}
