// The shape of the renderer's one zustand store, split into slices by concern. Each slice file
// builds its part; every slice can read and call the others through `get()`.
import type { SessionAppended, StoreInfo } from '../../shared/contract';
import type { ExportFormat, RedactionFinding } from '../../shared/export-options';
import type { NameGrouping, UsageReport } from '../../shared/usage';
import type { UsageInterval, UsageSpan } from '../model/usage-period';
import type { AnnotationPatch } from '../../shared/annotation';
import type { Annotations, IndexProgress, SearchGroup, SearchSort, SessionSummary } from '../../shared/types';
import type { TranscriptData } from '../model/transcript-data';
import type { ClientApi, DragStartEvent } from '../api/client-api';
import type { Prefs } from '../app/prefs';
import type { OpenSession } from '../model/open-session';
import type { DateRange, Facet, ListView, SortKey, StartPeriod } from '../model/list-view';

/** Progress of a request the UI waits on. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The session list: what the folder holds and how it is filtered and sorted. */
export interface ListSlice {
  /** The transport: 'browser' has no folder choice and downloads instead of saving. */
  mode: 'electron' | 'browser';
  info: StoreInfo | null;
  sessions: SessionSummary[];
  /** Entries of the folder the last list skipped as unreadable (FIFOs, folders, devices...). */
  unreadable: number;
  listState: LoadState;
  listError: string | null;
  view: ListView;
  /** `sessions` after the view: the rows on screen, in order. */
  visible: SessionSummary[];
  /** Loads (or reloads) the folder info and the list; reloads an open transcript that changed. */
  loadList(): Promise<void>;
  /** The store's clock (the date ranges count from it). */
  now(): Date;
  /** Sets the one box's text: it filters the list (and, while results show, is their query). */
  setFilter(filter: string): void;
  /** True while the box's first row, "Search all sessions for …", is what Enter does (typing
   * makes it so; moving into the list makes Enter open the selected row instead). */
  offerActive: boolean;
  setOfferActive(active: boolean): void;
  setSort(sort: SortKey): void;
  /** Turns one value of a facet menu on or off. */
  toggleChip(field: Facet, value: string): void;
  setDateRange(range: DateRange): void;
  /** Narrows the list to sessions started in `period` (null: any day). */
  setPeriod(period: StartPeriod | null): void;
  /** Shows only starred sessions, or all. */
  setStarredOnly(starred: boolean): void;
  /** Turns one tag of the Tags menu on or off. */
  toggleTag(tag: string): void;
  /** Clears every facet, the star and tag filters and the date range. */
  clearChosen(): void;
  /** Clears the filter text, or when it is empty the facets and date range; false if nothing was set. */
  clearFilter(): boolean;
  /** Electron only: lets the user pick another sessions folder. */
  chooseFolder(): Promise<void>;
}

/** The open session: selection, its transcript and what can be done with it. */
export interface SessionSlice {
  selectedId: string | null;
  /** The open session's transcript (changed in place as pages and appends arrive). */
  transcript: TranscriptData | null;
  transcriptState: LoadState;
  transcriptError: string | null;
  /** How the open session's requests, follow and appends stand (model/open-session.ts): the one
   * state the session, live and list slices coordinate through. */
  openSession: OpenSession;
  /** The message the transcript was last asked to scroll to; `seq` grows on every request. */
  jump: { index: number; seq: number } | null;
  /** Selects and opens `id` at once (`fromHistory`: going back or forward, not a new visit;
   * `message`: scrolled to that message). */
  select(id: string, options?: { fromHistory?: boolean; message?: number }): void;
  /** Scrolls the open transcript to message `index`. */
  jumpToMessage(index: number): void;
  /** Fetches the open transcript again and swaps it in place (the session changed on disk). */
  reloadTranscript(): Promise<void>;
  /** Moves the selection `delta` rows through the visible list; the transcript follows shortly. */
  moveSelection(delta: number): void;
  /** Opens the selected session now (skipping the keyboard delay), or the first row if none is. */
  openSelected(): void;
  /** Opens `id` at once, as it is (no visit recorded, the drawer and the Usage view left alone). */
  openNow(id: string): void;
}

/** Deleting the open session, with Undo. */
export interface DeleteSlice {
  /** The delete confirmation is showing. */
  confirmingDelete: boolean;
  requestDelete(): void;
  cancelDelete(): void;
  /** Deletes the selected session into the trash, which `undoable` can take it back from. */
  confirmDelete(): Promise<void>;
  /** The last deletion, while it can be undone from the bar that says so. */
  undoable: { undo: string; id: string; title: string; seq: number } | null;
  /** Puts the last deleted session back (its file and index entry) and opens it. */
  undoDelete(): Promise<void>;
  dismissUndo(): void;
}

/** Copying, saving and dragging the open session. */
export interface CopySlice {
  /** Starts dragging session `id` out of the window as a Markdown file. */
  startDrag(event: DragStartEvent, id: string): void;
  copyMarkdown(): Promise<void>;
  /** Save As / Download: opens the export dialog (format, redaction) for the open session. */
  saveMarkdown(): Promise<void>;
  /** Copies message `index` of the open session as its part of the Markdown export. */
  copyMessage(index: number): Promise<void>;
  /** Copies a link that opens the session scrolled to message `index`. */
  copyMessageLink(index: number): Promise<void>;
}

/** How the user chose to export. */
export interface ExportChoices {
  format: ExportFormat;
  /** Replace secrets by [REDACTED:kind]. */
  redact: boolean;
  /** With redaction: e-mail addresses too. */
  emails: boolean;
  /** With redaction: the home folder path too. */
  home: boolean;
}

/** One secret the preview found, with the session it is in. */
export interface PreviewFinding {
  id: string;
  title: string;
  finding: RedactionFinding;
}

/** The open export dialog. */
export interface ExportDialog {
  /** The sessions to export: one is saved as a file, several as one zip. */
  ids: string[];
  choices: ExportChoices;
  /** What redaction will replace ('idle' when redaction is off). */
  preview: { state: LoadState; findings: PreviewFinding[]; error: string | null };
}

/** Exporting: the dialog, its preview, and the save or download it ends with. */
export interface ExportSlice {
  exportDialog: ExportDialog | null;
  /** Opens the dialog for `ids` with the last choices made, and previews redaction. */
  openExport(ids: string[]): void;
  closeExport(): void;
  /** Changes the choices; the preview follows. */
  setExportChoices(change: Partial<ExportChoices>): void;
  /** Closes the dialog and saves (or downloads) what it says. */
  confirmExport(): Promise<void>;
  /** Sessions picked in the list (Ctrl/Cmd+click) for one zip export, in the order picked. */
  picked: string[];
  togglePicked(id: string): void;
  clearPicked(): void;
  /** Copies the command that continues session `id` in its agent. */
  copyResumeCommand(id: string): Promise<void>;
}

/** Find in transcript. The pane counts matches in the session's data and reports here. */
export interface FindSlice {
  /** `focusRequest` grows on every openFind, so the bar takes focus again when already open;
   * `done` is false while matches are still being counted. */
  find: {
    open: boolean;
    query: string;
    caseSensitive: boolean;
    index: number;
    count: number;
    done: boolean;
    focusRequest: number;
  };
  openFind(): void;
  closeFind(): void;
  setFindQuery(query: string): void;
  toggleFindCase(): void;
  /** The count so far, and whether it is final. */
  setFindProgress(count: number, done: boolean): void;
  findNext(): void;
  findPrev(): void;
}

/** Live updates: the open session's new messages, pushed while the backend follows it. */
export interface LiveSlice {
  /** The session the backend confirmed following (its appends arrive), or null. */
  followingId: string | null;
  /** Follows session `id` (null: none). */
  follow(id: string | null): Promise<void>;
  /** Adds pushed messages to the open transcript, or reloads it when they do not fit on. */
  applyAppended(appended: SessionAppended): void;
  /** A mark to pass to openSessionChanged: how many appends had arrived when a list load began. */
  appendMark(): number;
  /** The list saw the open session's file change since `mark`: reloads the transcript, unless it
   * is followed and its appends account for the change. */
  openSessionChanged(mark: number): Promise<void>;
}

/** Full-text search results for the left pane. */
export interface SearchState {
  /** What the search field holds. */
  query: string;
  /** The query the shown results answer ('' before any). */
  resultsQuery: string;
  groups: SearchGroup[];
  /** As SearchResults has them: lower bounds when `capped`. */
  totalSessions: number;
  totalHits: number;
  /** Too many hits to rank: sessions are most recent first. */
  capped: boolean;
  /** Another page of results is to be had. */
  hasMore: boolean;
  tookMs: number;
  /** The last page loaded; pages count from 0. */
  page: number;
  state: LoadState;
  error: string | null;
  /** True when the results were made while the index was still being built. */
  partial: boolean;
  sort: SearchSort;
}

/** Full-text search: the search mode of the left pane, its query and results, index progress. */
export interface SearchSlice {
  searchOpen: boolean;
  /** Grows on every openSearch, so the field takes focus again when already open. */
  searchFocusRequest: number;
  search: SearchState;
  /** Where the index build stands; null until first heard. */
  indexProgress: IndexProgress | null;
  openSearch(): void;
  closeSearch(): void;
  /** Shows full-text results for the box's text at once ("Search all sessions for …"). */
  runSearch(): void;
  /** Sets the query; it is searched once typing pauses. */
  setSearchQuery(query: string): void;
  /** Orders the results by relevance or date, and asks for them again. */
  setSearchSort(sort: SearchSort): void;
  /** Fetches the next page of results for the shown query. */
  loadMoreResults(): Promise<void>;
  setIndexProgress(progress: IndexProgress): void;
}

/** Walking the hits of one search inside the open session. */
export interface HitState {
  id: string;
  query: string;
  /** Every matching message, ascending (from the backend; null until it answers). */
  matches: number[] | null;
  /** The message shown as the current hit; -1 for the title. */
  message: number;
  /** Grows on every jump, so the transcript scrolls even to the same message again. */
  seq: number;
}

/** Opening a search hit, and next / previous hit inside its session. */
export interface HitSlice {
  hits: HitState | null;
  /** Opens session `id` at `message` with the shown results' query highlighted. */
  openHit(id: string, message: number): void;
  hitNext(): void;
  hitPrev(): void;
  /** Stops showing the hits. */
  clearHits(): void;
  /** The shown results now answer `query`: the open session's hits follow it (or go). */
  retargetHits(query: string): void;
}

/** Where a confirmation is shown: beside the action that caused it, or (none) the status line. */
export type FeedbackPlace = 'copy' | 'save' | 'star' | 'notes' | 'delete';

/** What the status line says; `name` (a title from a transcript) is shown after `text`, quoted and
 * isolated from it. */
export interface StatusMessage {
  text: string;
  tone: 'info' | 'error';
  name?: string;
  /** Shown beside this action instead of in the status line. */
  place?: FeedbackPlace;
  /** Grows with every message, so the same words shown twice are seen as new. */
  seq: number;
}

/** The one-line status: confirmations ("Copied", "Deleted “title”") and errors. */
export interface StatusSlice {
  status: StatusMessage | null;
  /** Shows `text` (then `name`); confirmations clear themselves after a few seconds, errors stay.
   * With `place`, it appears beside that action. */
  showStatus(text: string, tone?: 'info' | 'error', name?: string, place?: FeedbackPlace): void;
  clearStatus(): void;
}

/** Stars, tags, notes and display names, and the recently opened sessions. */
export interface NotesSlice {
  annotations: Annotations;
  /** Fetches every annotation (with each list load). */
  loadAnnotations(): Promise<void>;
  /** Changes one session's annotation; false (and an error in the status line) if it failed. */
  annotate(id: string, patch: AnnotationPatch): Promise<boolean>;
  /** Stars or unstars `id` (the open session when absent). */
  toggleStar(id?: string): Promise<void>;
  /** Whether the dialog for the open session's name, tags and note is showing. */
  editingNotes: boolean;
  openNotesEditor(): void;
  closeNotesEditor(): void;
  /** Sessions opened most recently, newest first (remembered). */
  recent: string[];
  /** Notes that `id` was opened and read. */
  noteOpened(id: string): void;
  /** Whether the Recent group is folded (remembered). */
  recentFolded: boolean;
  setRecentFolded(folded: boolean): void;
}

/** Colour theme: the system's, or forced light or dark. */
export type Theme = 'system' | 'light' | 'dark';

/** The theme choice. */
export interface ThemeSlice {
  theme: Theme;
  /** system -> light -> dark -> system. */
  cycleTheme(): void;
}

/** What the Usage view shows. */
export interface UsageState {
  open: boolean;
  span: UsageSpan;
  interval: UsageInterval;
  state: LoadState;
  error: string | null;
  /** The figures per day, week or month, with the breakdowns by name. */
  time: UsageReport | null;
  /** How long the last load took, request to answer, in ms. */
  tookMs: number;
}

/** The Usage view: tokens and cost over time and by name, and filtering the list from them. */
export interface UsageSlice {
  usage: UsageState;
  /** Shows the view (in place of the transcript) and loads its figures. */
  openUsage(): void;
  closeUsage(): void;
  setUsageSpan(span: UsageSpan): void;
  setUsageInterval(interval: UsageInterval): void;
  loadUsage(): Promise<void>;
  /** Narrows the session list to the sessions of the bar keyed `key`. */
  showPeriodSessions(key: string): void;
  /** Narrows the session list to one model, vendor or folder. */
  showNamedSessions(by: NameGrouping, key: string): void;
}

/** Where the panes are: sidebar width, and the drawer the sidebar becomes in a narrow window. */
export interface LayoutSlice {
  /** Sidebar width in CSS pixels (clamped; remembered between runs). */
  sidebarWidth: number;
  /** True while the window is too narrow for two panes: the sidebar is then a drawer. */
  narrow: boolean;
  /** Whether the drawer is showing (only meaningful while `narrow`). */
  drawerOpen: boolean;
  setSidebarWidth(width: number): void;
  setNarrow(narrow: boolean): void;
  openDrawer(): void;
  closeDrawer(): void;
  /** Grows when the transcript should take focus as soon as it shows (a session opened by Enter). */
  transcriptFocusRequest: number;
  requestTranscriptFocus(): void;
  /** Whether the `?` overlay of every shortcut is showing. */
  shortcutsOpen: boolean;
  openShortcuts(): void;
  closeShortcuts(): void;
}

/** Back and forward between the sessions opened in this window. */
export interface HistorySlice {
  /** Opened sessions, oldest first. */
  visits: string[];
  /** Where in `visits` the open session is (-1: none yet). */
  visitAt: number;
  /** Notes that `id` was opened; `browse`: by moving through the list with the keys. */
  recordVisit(id: string, browse: boolean): void;
  goBack(): void;
  goForward(): void;
}

/** The whole store. */
export type AppState = ListSlice &
  SessionSlice &
  DeleteSlice &
  CopySlice &
  FindSlice &
  LiveSlice &
  SearchSlice &
  HitSlice &
  StatusSlice &
  ThemeSlice &
  ExportSlice &
  UsageSlice &
  LayoutSlice &
  HistorySlice &
  NotesSlice;

/** What the store needs from outside; tests pass fakes. */
export interface StoreDeps {
  api: ClientApi;
  /** Writes text to the clipboard. */
  writeClipboard(text: string): Promise<void>;
  /** The current time (date-range filter). */
  now(): Date;
  /** Resolves once what was just put on screen has been painted (the rest of a long transcript
   * is asked for then); a short timer where there is no painting. */
  afterPaint?(): Promise<void>;
  /** The page's address with `hash` in place of its own (links to a message). */
  linkWithHash?(hash: string): string;
  /** The theme saved last time. */
  theme: Theme;
  /** Remembers the theme for next time. */
  saveTheme(theme: Theme): void;
  /** Small remembered settings (sidebar width, recent sessions). */
  prefs: Prefs;
  /** How long keyboard selection waits before opening the transcript, in ms. */
  selectDelayMs?: number;
  /** Pause in typing before a search query is sent, in ms. */
  searchDelayMs?: number;
  /** How long a followed session's appends may take to explain a change the list saw, in ms. */
  appendGraceMs?: number;
}
