// The backend's pushed events, wired for the window's lifetime: folder and session changes
// reload the list, the open session's new messages are appended, index progress is shown.
import { useEffect } from 'react';
import type { ClientApi } from '../api/client-api';
import { useAppStoreApi } from '../store/store-context';

/** The subscriptions the hook needs. */
export type BackendEvents = Pick<
  ClientApi,
  'onStoreChanged' | 'onSessionsChanged' | 'onSessionAppended' | 'onSearchProgress'
>;

/** Loads the list unless a load has begun (boot starts it before the first render), then keeps
 * the store in step with the backend's events. */
export function useBackendEvents(api: BackendEvents): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const state = store.getState;
    if (state().listState === 'idle') void state().loadList();
    const stops = [
      api.onStoreChanged(() => void state().loadList()),
      api.onSessionsChanged(() => void state().loadList()),
      api.onSessionAppended((appended) => state().applyAppended(appended)),
      api.onSearchProgress((progress) => state().setIndexProgress(progress)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [api, store]);
}
