// The one interface the renderer uses for data and file actions, whatever serves it: Electron's
// window.api or the `sessions serve` HTTP bridge. Components never talk to either directly.
import type { SharedApi } from '../../shared/api';
import type { SessionAppended, SessionsChanged } from '../../shared/contract';
import type { ExportRequest } from '../../shared/export-options';
import type { IndexProgress } from '../../shared/types';

/** The part of a drag event the drag-out needs (React's and the DOM's events both fit). */
export interface DragStartEvent {
  dataTransfer: DataTransfer | null;
  preventDefault(): void;
}

/** The renderer's view of its backend: the shared channels plus the file actions. */
export interface ClientApi extends SharedApi {
  /** Which transport this is; the UI hides what a mode cannot do. */
  readonly mode: 'electron' | 'browser';
  /** Saves session `id` as `request` says (Save As in Electron, a download in the browser);
   * returns the line to show, or null when the user cancelled. */
  saveExport(id: string, title: string, request: ExportRequest): Promise<string | null>;
  /** Saves sessions `ids` as one zip of `request`'s exports; the line to show, or null. */
  saveZip(ids: readonly string[], request: ExportRequest): Promise<string | null>;
  /** Lets the user pick another sessions folder; absent in browser mode. */
  readonly chooseFolder: (() => Promise<void>) | null;
  /** Turns a dragstart on a row or header into a drag of the session's Markdown file. */
  startDrag(event: DragStartEvent, id: string, title: string): void;
  /** Calls `callback` when the sessions folder may have changed; returns the unsubscribe. */
  onStoreChanged(callback: () => void): () => void;
  /** Calls `callback` when sessions appeared, vanished or changed; returns the unsubscribe. */
  onSessionsChanged(callback: (change: SessionsChanged) => void): () => void;
  /** Calls `callback` with the followed session's new messages; returns the unsubscribe. */
  onSessionAppended(callback: (appended: SessionAppended) => void): () => void;
  /** Calls `callback` as the search index builds; returns the unsubscribe. */
  onSearchProgress(callback: (progress: IndexProgress) => void): () => void;
  /** Follows session `id` (null: none), whose appends then reach onSessionAppended; the page has
   * its first `known` messages, and any written after them arrive at once. Resolves true once the
   * backend follows it (everything written from then on arrives), false if it cannot. */
  followSession(id: string | null, known?: number): Promise<boolean>;
}
