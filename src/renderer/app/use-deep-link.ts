// Keeps location.hash and the selection in step: a "#session=<id>[&msg=<n>]" link opens that
// session (scrolled to message n), and selecting a session rewrites the hash (without adding
// history entries).
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/store-context';
import { afterNextPaint } from './after-paint';
import { hashForSession, linkFromHash, sessionIdFromHash } from './deep-link';

/** Rewrites the hash for `selectedId` unless it already names that session. */
function showInHash(selectedId: string | null): void {
  if (selectedId === null || sessionIdFromHash(window.location.hash) === selectedId) return;
  const url = new URL(window.location.href);
  url.hash = hashForSession(selectedId);
  window.history.replaceState(window.history.state, '', url);
}

/** Wires the deep link for the app's lifetime. */
export function useDeepLink(): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const follow = () => {
      const link = linkFromHash(window.location.hash);
      if (link === null) return;
      const state = store.getState();
      if (link.id === state.selectedId && state.transcriptState !== 'error') {
        if (link.message !== undefined) state.jumpToMessage(link.message);
      } else {
        state.select(link.id, { message: link.message });
      }
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [store]);

  // Watched on the store, not through a selector: the app would re-render whole on every
  // selection. The URL is rewritten once the opened session has painted: replaceState costs
  // 4-15 ms, and run while the transcript is on its way it delayed the first readable frame.
  useEffect(() => {
    let pending = { cancel() {} };
    const unsubscribe = store.subscribe((state, previous) => {
      const opened = state.selectedId !== previous.selectedId;
      const loaded = previous.transcriptState === 'loading' && state.transcriptState !== 'loading';
      if (!opened && !loaded) return;
      pending.cancel();
      if (state.transcriptState !== 'loading')
        pending = afterNextPaint(() => showInHash(store.getState().selectedId));
    });
    return () => {
      pending.cancel();
      unsubscribe();
    };
  }, [store]);
}
