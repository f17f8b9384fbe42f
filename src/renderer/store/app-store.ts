// The renderer's one store: every slice combined over one set of dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, StoreDeps } from './app-state';
import { createCopySlice } from './copy-slice';
import { createDeleteSlice } from './delete-slice';
import { createExportSlice } from './export-slice';
import { createFindSlice } from './find-slice';
import { createHitSlice } from './hit-slice';
import { createListSlice } from './list-slice';
import { createHistorySlice } from './history-slice';
import { createLayoutSlice } from './layout-slice';
import { createLiveSlice } from './live-slice';
import { createNotesSlice } from './notes-slice';
import { createSearchSlice } from './search-slice';
import { createSessionSlice } from './session-slice';
import { createStatusSlice } from './status-slice';
import { createThemeSlice } from './theme-slice';
import { createUsageSlice } from './usage-slice';

/** The store type components receive through the context. */
export type AppStore = StoreApi<AppState>;

/** Creates the store; nothing is loaded until `loadList()` is called. */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createListSlice(deps)(...args),
    ...createSessionSlice(deps)(...args),
    ...createDeleteSlice(deps)(...args),
    ...createCopySlice(deps)(...args),
    ...createFindSlice(...args),
    ...createLiveSlice(deps)(...args),
    ...createSearchSlice(deps)(...args),
    ...createHitSlice(deps)(...args),
    ...createStatusSlice(...args),
    ...createThemeSlice(deps)(...args),
    ...createExportSlice(deps)(...args),
    ...createUsageSlice(deps)(...args),
    ...createLayoutSlice(deps)(...args),
    ...createHistorySlice(...args),
    ...createNotesSlice(deps)(...args),
  }));
}
