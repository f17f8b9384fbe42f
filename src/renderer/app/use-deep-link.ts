// Keeps location.hash and the selection in step: a "#session=<id>[&msg=<n>]" link opens that
// session (scrolled to message n), and selecting a session rewrites the hash (without adding
// history entries).
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import { hashForSession, linkFromHash, sessionIdFromHash } from './deep-link';

/** Wires the deep link for the app's lifetime. */
export function useDeepLink(): void {
  const store = useAppStoreApi();
  const selectedId = useAppStore((s) => s.selectedId);

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

  useEffect(() => {
    if (selectedId === null || sessionIdFromHash(window.location.hash) === selectedId) return;
    const url = new URL(window.location.href);
    url.hash = hashForSession(selectedId);
    window.history.replaceState(window.history.state, '', url);
  }, [selectedId]);
}
