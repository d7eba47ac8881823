// The composed areas, handed down by the shell. Pages and record sections read them from here
// rather than importing app/areas.tsx, so no area module imports the list that imports it.
import { createContext, useContext } from 'react';
import { pagesFor, type Area, type AreaPage, type RecordSection } from './area';
import { useSignedIn } from './session';

const AreasContext = createContext<Area>({ pages: [], recordSections: [] });

export const AreasProvider = AreasContext.Provider;

/** The pages the signed-in user can use. */
export function useMyPages(): AreaPage[] {
  const session = useSignedIn();
  return pagesFor(useContext(AreasContext).pages, session);
}

/** Every area's sections of a person's record, in record order. */
export function useRecordSections(): RecordSection[] {
  return useContext(AreasContext).recordSections;
}
