// Tells the store whether the window is narrow enough for the sidebar to become a drawer.
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/store-context';

/** Below this width two panes leave the transcript too little room: the sidebar is a drawer. */
export const NARROW_QUERY = '(max-width: 759px)';

/** Follows NARROW_QUERY for the window's lifetime. */
export function useNarrow(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    // jsdom (component tests) has no matchMedia: the wide layout.
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW_QUERY);
    const update = () => store.getState().setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [store]);
}
