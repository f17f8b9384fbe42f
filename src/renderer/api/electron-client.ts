// Electron mode: window.api from the preload does the work; this adapts it to ClientApi.
import { API_METHODS, type ApiMethod, type SharedApi } from '../../shared/api';
import type { Api } from '../../shared/electron-api';
import type { ClientApi } from './client-api';

/** The ClientApi of Electron mode, over the preload's `api`. */
export function createElectronClient(api: Api): ClientApi {
  // The shared methods pass through as they are; the cast restores the per-method types that
  // Object.fromEntries loses (window.api is typed from the same map).
  const shared = Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [method, api[method]]),
  ) as SharedApi;
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
