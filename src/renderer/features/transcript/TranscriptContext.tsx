// Hands the open transcript's data (and its view state) to the blocks deep inside the list, which
// look up the other half of a tool call or result and re-render when either changes.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { BlockRef, TranscriptBlock, TranscriptMessage } from '../../../shared/transcript';
import type { TranscriptData } from '../../model/transcript-data';
import type { ViewState } from '../../model/view-state';

const DataContext = createContext<TranscriptData | null>(null);

/** Makes `data` available to everything below. */
export function TranscriptProvider({ data, children }: { data: TranscriptData; children: ReactNode }) {
  return <DataContext.Provider value={data}>{children}</DataContext.Provider>;
}

/** The open transcript's data. */
export function useTranscriptData(): TranscriptData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useTranscriptData must be used inside <TranscriptProvider>');
  return data;
}

/** The view state, re-rendering the caller on every change of it. */
export function useViewState(): ViewState {
  const view = useTranscriptData().view;
  useSyncExternalStore(view.subscribe, view.snapshot);
  return view;
}

/** The message `ref` points into and its block there (undefined while that message is not
 * loaded); re-renders the caller when that message changes. */
export function useBlockAt(ref: BlockRef | null):
  | {
      message: TranscriptMessage;
      block: TranscriptBlock;
    }
  | null
  | undefined {
  const data = useTranscriptData();
  const message = useSyncExternalStore(data.subscribe, () => (ref === null ? null : data.get(ref.message)));
  if (ref === null || message === null) return null;
  if (message === undefined) return undefined;
  const block = message.blocks[ref.block];
  return block ? { message, block } : null;
}

const subscribeNothing = () => () => undefined;
const noRevision = () => 0;

/** Re-renders the caller whenever `data` changes (a page or an append arrived); for components
 * above the provider, such as the header. */
export function useDataRevision(data: TranscriptData | null): number {
  return useSyncExternalStore(data?.subscribe ?? subscribeNothing, data?.snapshot ?? noRevision);
}
