// The app: list pane on the left, transcript on the right, status line below; plus the wiring
// that lives for the whole window (first load, folder changes, keyboard, deep link, theme).
import { useEffect } from 'react';
import { StatusLine } from './app/StatusLine';
import { TopBar } from './app/TopBar';
import { applyTheme } from './app/theme-storage';
import { useDeepLink } from './app/use-deep-link';
import { useKeyboard } from './app/use-keyboard';
import type { ClientApi } from './api/client-api';
import { ListControls } from './features/session-list/ListControls';
import { SessionList } from './features/session-list/SessionList';
import { TranscriptPane } from './features/transcript/TranscriptPane';
import { useAppStore, useAppStoreApi } from './store/store-context';

/** The whole window. `api` is only used to hear about folder changes. */
export function App({ api }: { api: Pick<ClientApi, 'onStoreChanged'> }) {
  const store = useAppStoreApi();
  const theme = useAppStore((s) => s.theme);
  useKeyboard();
  useDeepLink();

  useEffect(() => {
    void store.getState().loadList();
    return api.onStoreChanged(() => void store.getState().loadList());
  }, [api, store]);

  useEffect(() => applyTheme(document.documentElement, theme), [theme]);

  return (
    <div className="app">
      <aside className="list-pane" aria-label="Sessions">
        <TopBar />
        <ListControls />
        <SessionList />
      </aside>
      <main className="main-pane">
        <TranscriptPane />
      </main>
      <StatusLine />
    </div>
  );
}
