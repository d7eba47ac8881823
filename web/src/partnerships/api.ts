// The partnerships area's calls, mirroring server/src/partnerships/routes.cpp.
import { query, request } from '../app/api';

export interface DirectoryService {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  status: string;
  languages: string;
  latitude: number | null;
  longitude: number | null;
}
export interface ImportReport {
  applied: boolean;
  added: number;
  updated: number;
  unchanged: number;
}

export const directoryApi = {
  find: (q: string) => request<{ items: DirectoryService[] }>(`/directory/services${query({ q })}`).then((r) => r.items),
  import: (text: string) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return body === undefined
      ? Promise.reject(new Error('That file is not JSON.'))
      : request<ImportReport>('/directory/import', { method: 'POST', body });
  },
};
