// Keeps location.hash and the selection in step: a "#session=<id>" link opens that session, and
// selecting a session rewrites the hash (without adding history entries).
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import { hashForSession, sessionIdFromHash } from './deep-link';

/** Wires the deep link for the app's lifetime. */
export function useDeepLink(): void {
  const store = useAppStoreApi();
  const selectedId = useAppStore((s) => s.selectedId);

  useEffect(() => {
    const follow = () => {
      const id = sessionIdFromHash(window.location.hash);
      if (id !== null) store.getState().select(id);
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
