// Mounts the whole app over a fake backend, for component tests.
import { render } from '@testing-library/react';
import { App } from '../App';
// The app fetches the transcript pane's code after the list's first paint; loaded here, its first
// open in a test does not wait for the transform of its whole module graph.
import '../features/transcript/TranscriptPane';
import type { AppStore } from '../store/app-store';
import type { StoreDeps } from '../store/app-state';
import { StoreProvider } from '../store/store-context';
import type { FakeApi } from './fake-api';
import { fakeTranscriptLayout } from './layout';
import { testStore } from './test-store';

/** Renders <App> with a store over `api` in a browser-like layout (see fakeTranscriptLayout);
 * `deps` overrides the store's timings; `beforeRender` acts on the store first, as boot does. */
export function mountApp(
  api: FakeApi,
  deps: Partial<StoreDeps> = {},
  beforeRender: (store: AppStore) => void = () => undefined,
): AppStore {
  fakeTranscriptLayout(100, 600);
  const store = testStore(api, { selectDelayMs: 0, searchDelayMs: 0, ...deps });
  beforeRender(store);
  render(
    <StoreProvider store={store}>
      <App api={api} />
    </StoreProvider>,
  );
  return store;
}
