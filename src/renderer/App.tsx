// The app: list (or search) pane on the left, transcript on the right, status line below; plus the
// wiring that lives for the whole window (first load, backend events, keyboard, deep link, theme).
import { useEffect } from 'react';
import { StatusLine } from './app/StatusLine';
import { TopBar } from './app/TopBar';
import { applyTheme } from './app/theme-storage';
import { useBackendEvents, type BackendEvents } from './app/use-backend-events';
import { useDeepLink } from './app/use-deep-link';
import { useKeyboard } from './app/use-keyboard';
import { ExportDialog } from './features/export/ExportDialog';
import { SearchPanel } from './features/search/SearchPanel';
import { ListControls } from './features/session-list/ListControls';
import { SessionList } from './features/session-list/SessionList';
import { TranscriptPane } from './features/transcript/TranscriptPane';
import { UsageView } from './features/usage/UsageView';
import { useAppStore } from './store/store-context';

/** The whole window. `api` is only used to hear the backend's events. */
export function App({ api }: { api: BackendEvents }) {
  const theme = useAppStore((s) => s.theme);
  const searchOpen = useAppStore((s) => s.searchOpen);
  const usageOpen = useAppStore((s) => s.usage.open);
  useKeyboard();
  useDeepLink();
  useBackendEvents(api);

  useEffect(() => applyTheme(document.documentElement, theme), [theme]);

  return (
    <div className="app">
      <aside className="list-pane" data-testid="list-pane" aria-label="Sessions">
        <TopBar />
        {/* Both views stay mounted, so each keeps its scroll position and state. */}
        <div className="pane-view" hidden={searchOpen}>
          <ListControls />
          <SessionList />
        </div>
        <SearchPanel hidden={!searchOpen} />
      </aside>
      <main className="main-pane" data-testid="main-pane">
        {usageOpen ? <UsageView /> : <TranscriptPane />}
      </main>
      <StatusLine />
      <ExportDialog />
    </div>
  );
}
