// The app's start, loaded by main.tsx once the transport is picked: builds the store and mounts
// the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { ClientApi } from './api/client-api';
import { storagePrefs } from './app/prefs';
import { loadTheme, saveTheme } from './app/theme-storage';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import './styles/theme.css';
import './styles/name.css';
import './styles/layout.css';
import './styles/menu.css';
import './styles/session-list.css';
import './styles/transcript.css';
import './styles/markdown.css';
import './styles/search.css';
import './styles/live.css';
import './styles/export.css';
import './styles/usage.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Builds the store over `api` and mounts the app. */
export function boot(api: ClientApi): void {
  const store = createAppStore({
    api,
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    now: () => new Date(),
    // The frame after the next one has been painted, and its tasks run.
    afterPaint: () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
    linkWithHash: (hash) => {
      const url = new URL(window.location.href);
      url.hash = hash;
      return url.href;
    },
    theme: loadTheme(storage()),
    saveTheme: (theme) => saveTheme(storage(), theme),
    prefs: storagePrefs(storage()),
  });

  // The list (asked for by the transport before this code loaded) is taken before the first
  // render, not in an effect after it: the first render can then already show its rows.
  void store.getState().loadList();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App api={api} />
      </StoreProvider>
    </StrictMode>,
  );
}
