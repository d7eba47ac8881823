// The areas of Trellis. Each declares its own pages, navigation and record sections in its
// index; the shell only concatenates them. A new area is one more line in `areas`.
import type { Area } from './area';
import { HomePage } from './HomePage';
import { access } from '../access';
import { people } from '../people';
import { recovery } from '../recovery';
import { partnerships } from '../partnerships';

const shell: Area = {
  pages: [{ path: '/', element: <HomePage />, nav: { label: 'Home', group: 'Trellis', order: 0 } }],
  recordSections: [],
};

const areas: Area[] = [shell, access, people, recovery, partnerships];

export const composed: Area = {
  pages: areas.flatMap((a) => a.pages),
  recordSections: areas.flatMap((a) => a.recordSections).sort((a, b) => a.order - b.order),
};
