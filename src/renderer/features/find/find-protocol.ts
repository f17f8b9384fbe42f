// What the find worker and the page say to each other: the page feeds the worker the session's
// messages (fetched for it) and its queries; the worker answers with counts and, when asked, a
// match with the section it is in.
import type { TextPiece, TranscriptCheckpoint, TranscriptPage } from '../../../shared/transcript';
import type { FindMatch } from './find-engine';
import type { Section } from './find-sections';

/** From the page to the worker. */
export type ToFindWorker =
  /** The session's count and checkpoints changed (it grew, or its facts arrived). */
  | { type: 'session'; total: number; checkpoints: TranscriptCheckpoint[] }
  /** Find is open: every message is loaded (until then only the first request is, ahead). */
  | { type: 'open' }
  /** The answer to a `fetch` (error: the fetch failed). */
  | { type: 'page'; request: number; page?: TranscriptPage; error?: string }
  /** The answer to a `text` (error: the fetch failed). */
  | { type: 'piece'; request: number; piece?: TextPiece; error?: string }
  /** Starts run `run` (stopping the one before; it narrows that one's matches when it can). */
  | { type: 'query'; run: number; query: string; caseSensitive: boolean }
  /** Match `index` of run `run`. */
  | { type: 'match'; request: number; run: number; index: number };

/** From the worker to the page. */
export type FromFindWorker =
  /** Messages [from, to) are wanted. */
  | { type: 'fetch'; request: number; from: number; to: number }
  /** The piece of a cut string of message `message` that starts at `from` is wanted. */
  | { type: 'text'; request: number; message: number; from: number }
  | { type: 'progress'; run: number; count: number; done: boolean }
  /** The answer to a `match` (none: no such match, or the run is no longer the current one). */
  | { type: 'match'; request: number; found: { match: FindMatch; section: Section } | null };
