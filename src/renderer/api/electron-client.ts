// Electron mode: window.api from the preload does the work; this adapts it to ClientApi.
import { sharedApi } from '../../shared/api';
import type { Api } from '../../shared/electron-api';
import type { ClientApi } from './client-api';

/** The ClientApi of Electron mode, over the preload's `api`. */
export function createElectronClient(api: Api): ClientApi {
  // The shared methods pass through to the preload's, which carry the same names.
  const shared = sharedApi((_channel, method, request) =>
    (api[method] as (request: unknown) => Promise<unknown>)(request),
  );
  return {
    ...shared,
    mode: 'electron',
    saveExport: async (id, _title, { format, redact }) => {
      const { path } = await api.saveAs({ id, format, redact });
      return path === null ? null : `Saved to ${path}`;
    },
    saveZip: async (ids, { format, redact }) => {
      const { path } = await api.saveZip({ ids: [...ids], format, redact });
      return path === null ? null : `Saved to ${path}`;
    },
    // The folder change arrives through onStoreChanged, which reloads everything.
    chooseFolder: async () => {
      await api.openFolder();
    },
    startDrag: (event, id) => {
      // Electron's native drag replaces the HTML one; only the id crosses to the main process.
      event.preventDefault();
      api.startDrag(id);
    },
    onStoreChanged: (callback) => api.onStoreChanged(() => callback()),
    onSessionsChanged: (callback) => api.onSessionsChanged(callback),
    onSessionAppended: (callback) => api.onSessionAppended(callback),
    onSearchProgress: (callback) => api.onSearchProgress(callback),
    // Main answers once it has read the session: every later append is sent.
    followSession: (id, known) =>
      api.watchSession(id === null || known === undefined ? { id } : { id, known }).then(
        () => true,
        () => false,
      ),
  };
}
