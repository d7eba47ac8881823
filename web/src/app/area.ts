// What an area of the client contributes to the shell: its pages (with their navigation
// entries) and the sections it adds to a person's record. Each area exports one `Area` from its
// index; app/areas.tsx only lists them.
import type { ReactElement } from 'react';
import type { PersonRecord, RecordPart } from './api-schema';
import type { Permission, SessionInfo } from './session';

/** Navigation groups, in the order the menu and the home page show them. */
export const navGroups = ['Trellis', 'Support', 'Partner agency', 'Administration', 'You'] as const;
export type NavGroup = (typeof navGroups)[number];

export interface AreaPage {
  path: string;
  element: ReactElement;
  /** Shown in navigation when set; `order` places it within its group. */
  nav?: { label: string; group: NavGroup; order: number };
  needs?: Permission;
  /** Shown only when this holds (for pages tied to a kind of account, not a permission). */
  when?: (s: SessionInfo) => boolean;
}

/** A person's record as one reader may see it: what every record section is given. */
export interface RecordView {
  person: PersonRecord;
  /** The parts of the record the server showed this reader. */
  parts: RecordPart[];
  /** What this reader may change, part by part, as the server's role table says. */
  may: (part: RecordPart) => boolean;
  /** The reader is the person themself. */
  isPerson: boolean;
  /** The reader is a worker on the care team, or opened the record with break-the-glass. */
  staff: boolean;
}

export interface RecordSection {
  key: string;
  /** Where the section sits in the record; lower comes first. */
  order: number;
  /** The in-page anchor the section is wrapped in, if any. */
  anchor?: string;
  /** Listed in the record's own navigation, linking to `anchor`, when set. */
  label?: string;
  shows: (record: RecordView) => boolean;
  render: (record: RecordView) => ReactElement;
}

export interface Area {
  pages: AreaPage[];
  recordSections: RecordSection[];
}

/** The pages this signed-in user can use; the one place navigation and routing ask. */
export function pagesFor(pages: AreaPage[], session: SessionInfo): AreaPage[] {
  return pages.filter((p) => (!p.needs || session.permissions.includes(p.needs)) && (!p.when || p.when(session)));
}

/** The navigation entries among `pages`, grouped in menu order. */
export function navigation(pages: AreaPage[]): [NavGroup, AreaPage[]][] {
  return navGroups
    .map((group): [NavGroup, AreaPage[]] => [
      group,
      pages.filter((p) => p.nav?.group === group).sort((a, b) => a.nav!.order - b.nav!.order),
    ])
    .filter(([, items]) => items.length > 0);
}
