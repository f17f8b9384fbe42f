// The shape of the renderer's one zustand store, split into slices by concern. Each slice file
// builds its part; every slice can read and call the others through `get()`.
import type { StoreInfo } from '../../shared/contract';
import type { SessionSummary, Transcript } from '../../shared/types';
import type { ClientApi, DragStartEvent } from '../api/client-api';
import type { DateRange, ListView, SortKey } from '../features/session-list/list-view';

/** Progress of a request the UI waits on. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The session list: what the folder holds and how it is filtered and sorted. */
export interface ListSlice {
  /** The transport: 'browser' has no folder choice and downloads instead of saving. */
  mode: 'electron' | 'browser';
  info: StoreInfo | null;
  sessions: SessionSummary[];
  listState: LoadState;
  listError: string | null;
  view: ListView;
  /** `sessions` after the view: the rows on screen, in order. */
  visible: SessionSummary[];
  /** Loads (or reloads) the folder info and the list; reloads an open transcript that changed. */
  loadList(): Promise<void>;
  setFilter(filter: string): void;
  setSort(sort: SortKey): void;
  toggleVendor(vendor: string): void;
  setDateRange(range: DateRange): void;
  /** Clears the filter text, or when it is empty the chips and date range; false if nothing was set. */
  clearFilter(): boolean;
  /** Electron only: lets the user pick another sessions folder. */
  chooseFolder(): Promise<void>;
}

/** The open session: selection, its transcript and what can be done with it. */
export interface SessionSlice {
  selectedId: string | null;
  transcript: Transcript | null;
  transcriptState: LoadState;
  transcriptError: string | null;
  confirmingDelete: boolean;
  /** Selects and opens `id` at once. */
  select(id: string): void;
  /** Fetches the open transcript again and swaps it in place (the session changed on disk). */
  reloadTranscript(): Promise<void>;
  /** Moves the selection `delta` rows through the visible list; the transcript follows shortly. */
  moveSelection(delta: number): void;
  /** Opens the selected session now (skipping the keyboard delay), or the first row if none is. */
  openSelected(): void;
  /** Starts dragging session `id` out of the window as a Markdown file. */
  startDrag(event: DragStartEvent, id: string): void;
  requestDelete(): void;
  cancelDelete(): void;
  confirmDelete(): Promise<void>;
  copyMarkdown(): Promise<void>;
  saveMarkdown(): Promise<void>;
}

/** Find in transcript. The pane counts matches in what it rendered and reports the count here. */
export interface FindSlice {
  /** `focusRequest` grows on every openFind, so the bar takes focus again when already open. */
  find: { open: boolean; query: string; index: number; count: number; focusRequest: number };
  openFind(): void;
  closeFind(): void;
  setFindQuery(query: string): void;
  setFindCount(count: number): void;
  findNext(): void;
  findPrev(): void;
}

/** The one-line status: confirmations ("Copied") and errors. */
export interface StatusSlice {
  status: { text: string; tone: 'info' | 'error' } | null;
  /** Shows `text`; confirmations clear themselves after a few seconds, errors stay. */
  showStatus(text: string, tone?: 'info' | 'error'): void;
  clearStatus(): void;
}

/** Colour theme: the system's, or forced light or dark. */
export type Theme = 'system' | 'light' | 'dark';

/** The theme choice. */
export interface ThemeSlice {
  theme: Theme;
  /** system -> light -> dark -> system. */
  cycleTheme(): void;
}

/** The whole store. */
export type AppState = ListSlice & SessionSlice & FindSlice & StatusSlice & ThemeSlice;

/** What the store needs from outside; tests pass fakes. */
export interface StoreDeps {
  api: ClientApi;
  /** Writes text to the clipboard. */
  writeClipboard(text: string): Promise<void>;
  /** The current time (date-range filter). */
  now(): Date;
  /** The theme saved last time. */
  theme: Theme;
  /** Remembers the theme for next time. */
  saveTheme(theme: Theme): void;
  /** How long keyboard selection waits before opening the transcript, in ms. */
  selectDelayMs?: number;
}
