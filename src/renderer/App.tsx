// The app: list (or search) pane on the left, transcript on the right, status line below; plus the
// wiring that lives for the whole window (first load, backend events, keyboard, deep link, theme,
// layout). In a narrow window the list pane is a drawer over the transcript.
import { lazy, Suspense, useEffect, useRef, type CSSProperties } from 'react';
import { DrawerBar } from './app/DrawerBar';
import { ShortcutsDialog } from './app/ShortcutsDialog';
import { SidebarResizer } from './app/SidebarResizer';
import { TranscriptPaneSlot } from './app/TranscriptPaneSlot';
import { StatusLine } from './app/StatusLine';
import { TopBar } from './app/TopBar';
import { applyTheme } from './app/theme-storage';
import { useBackendEvents, type BackendEvents } from './app/use-backend-events';
import { useDeepLink } from './app/use-deep-link';
import { useKeyboard } from './app/use-keyboard';
import { ExportDialog } from './features/export/ExportDialog';
import { PickedBar } from './features/export/PickedBar';
import { useNarrow } from './app/use-narrow';
import { SearchPanel } from './features/search/SearchPanel';
import { ListControls } from './features/session-list/ListControls';
import { RecentGroup } from './features/session-list/RecentGroup';
import { SearchBox } from './features/session-list/SearchBox';
import { SessionList } from './features/session-list/SessionList';
import { whenIdle } from './features/transcript/when-idle';
import type { UsageView as UsageViewComponent } from './features/usage/UsageView';
import { UndoBar } from './features/transcript/UndoBar';
import { useAppStore } from './store/store-context';

// The Usage view's code (Chart.js) is no part of the first paint: it loads once the list has
// been painted and the page is idle, so that opening the view does not wait for it either.
// Once loaded it is drawn directly: a lazy component suspends, and React holds a revealed
// Suspense boundary back for up to 300 ms.
let loadedUsageView: typeof UsageViewComponent | null = null;
const loadUsageView = () =>
  import('./features/usage/UsageView').then((m) => {
    loadedUsageView = m.UsageView;
    return m;
  });
const LazyUsageView = lazy(() => loadUsageView().then((m) => ({ default: m.UsageView })));

/** The Usage view, without suspending when its code is already here. */
function UsageView() {
  const Loaded = loadedUsageView;
  if (Loaded) return <Loaded />;
  return (
    <Suspense fallback={null}>
      <LazyUsageView />
    </Suspense>
  );
}

/** Fetches the Usage view's code at idle once the first list is shown. */
function usePreloadUsageView(): void {
  const listShown = useAppStore((s) => s.listState === 'ready' || s.listState === 'error');
  useEffect(() => {
    if (!listShown) return;
    // A failed fetch here (the page going away, a dropped connection) is no error yet:
    // opening the view fetches it again.
    return whenIdle(() => void loadUsageView().catch(() => undefined), 300);
  }, [listShown]);
}

/** Keeps focus with the drawer: into it when it opens, back to its toggle when it closes. */
function useDrawerFocus(drawer: boolean): void {
  const was = useRef(drawer);
  useEffect(() => {
    if (was.current === drawer) return;
    was.current = drawer;
    const active = document.activeElement;
    if (drawer) document.getElementById('session-filter')?.focus();
    else if (
      active === null ||
      active === document.body ||
      document.getElementById('sidebar')?.contains(active)
    ) {
      document.querySelector<HTMLElement>('[data-testid="drawer-toggle"]')?.focus();
    }
  }, [drawer]);
}

/** The whole window. `api` is only used to hear the backend's events. */
export function App({ api }: { api: BackendEvents }) {
  const theme = useAppStore((s) => s.theme);
  const searchOpen = useAppStore((s) => s.searchOpen);
  const usageOpen = useAppStore((s) => s.usage.open);
  const sidebarWidth = useAppStore((s) => s.sidebarWidth);
  const narrow = useAppStore((s) => s.narrow);
  const drawer = useAppStore((s) => s.narrow && s.drawerOpen);
  const closeDrawer = useAppStore((s) => s.closeDrawer);
  const shortcutsOpen = useAppStore((s) => s.shortcutsOpen);
  useKeyboard();
  useDeepLink();
  useBackendEvents(api);
  useNarrow();
  useDrawerFocus(drawer);
  usePreloadUsageView();

  useEffect(() => applyTheme(document.documentElement, theme), [theme]);

  // A custom property set through CSSOM (React's style prop), which the CSP allows.
  const style = { '--sidebar-width': `${sidebarWidth}px` } as CSSProperties;
  return (
    <div
      className="app"
      style={style}
      data-layout={narrow ? 'narrow' : 'wide'}
      data-drawer={drawer ? 'open' : undefined}
    >
      <aside
        id="sidebar"
        className="list-pane"
        data-testid="list-pane"
        aria-label="Sessions"
        inert={narrow && !drawer}
      >
        <TopBar />
        <SearchBox />
        {/* Both views stay mounted, so each keeps its scroll position and state. */}
        <div className="pane-view" hidden={searchOpen}>
          <ListControls />
          <RecentGroup />
          <PickedBar />
          <SessionList />
        </div>
        <SearchPanel hidden={!searchOpen} />
      </aside>
      {!narrow && <SidebarResizer />}
      {drawer && <div className="drawer-backdrop" data-testid="drawer-backdrop" onClick={closeDrawer} />}
      <main className="main-pane" data-testid="main-pane" inert={drawer}>
        <DrawerBar />
        <UndoBar />
        {usageOpen ? <UsageView /> : <TranscriptPaneSlot />}
      </main>
      <StatusLine />
      {shortcutsOpen && <ShortcutsDialog />}
      <ExportDialog />
    </div>
  );
}
