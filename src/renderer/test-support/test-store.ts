// An app store over a fake backend, for store and component tests: a fixed clock, the system
// theme, a clipboard and theme setting that go nowhere, unless `deps` says otherwise.
import { memoryPrefs } from '../app/prefs';
import { createAppStore, type AppStore } from '../store/app-store';
import type { StoreDeps } from '../store/app-state';
import type { FakeApi } from './fake-api';

/** The fixed "now" of store tests. */
export const TEST_NOW = new Date('2026-04-20T00:00:00Z');

/** A store over `api`; `deps` overrides any default. */
export function testStore(api: FakeApi, deps: Partial<StoreDeps> = {}): AppStore {
  return createAppStore({
    api,
    writeClipboard: async () => {},
    now: () => TEST_NOW,
    theme: 'system',
    saveTheme: () => {},
    prefs: memoryPrefs(),
    ...deps,
  });
}
