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
  // selection. The URL is rewritten after the opened session's first frame (replaceState costs
  // 5-10 ms in the click that opens it).
  useEffect(() => {
    let pending = { cancel() {} };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selectedId === previous.selectedId) return;
      pending.cancel();
      pending = afterNextPaint(() => showInHash(store.getState().selectedId));
    });
    return () => {
      pending.cancel();
      unsubscribe();
    };
  }, [store]);
}
