// What the index needs of one session file, read and prepared off the writing thread: its new
// messages' searchable text, already NFC with Chinese and Japanese spaced out, and encoded as
// UTF-8 into one buffer (moved to the writer without a copy, and bound to SQLite as bytes: no
// JavaScript string crosses into WebAssembly, which costs two passes over every character).
import { stat } from 'node:fs/promises';
import type { Message } from '../../shared/types';
import { SessionTail, type TailState } from '../tail';
import { messageFields } from './fields';
import { indexText } from '../../shared/search/normalize';
import { MAX_MESSAGE } from './rowid';
import { encodeSpans, type Span } from './spans';
import type { UsageRead } from './usage-table';

/** One file to look at: where it is, its size in the list, and what the index holds of it. */
export interface ReadJob {
  path: string;
  id: string;
  size: number;
  known?: { size: number; mtime: number; tail: string };
}

/** Numbers per row in `ExtractedFile.rows`: the message index, and where the row's tools and
 * text end in `bytes` (each row's tools start where the previous row's text ended). */
export const ROW_FIELDS = 3;

/** A file's new messages, ready to be written. */
export interface ExtractedFile {
  kind: 'read';
  mtime: number;
  /** The file was rewritten or replaced: its earlier rows are void. */
  reset: boolean;
  /** The tail's state after this read (JSON), to resume from next time. */
  tail: string;
  /** Messages read (with or without searchable text). */
  messages: number;
  /** ROW_FIELDS numbers per message with searchable text. */
  rows: Float64Array;
  /** Every row's tools then text, UTF-8. */
  bytes: Uint8Array;
  /** Where the rows' lines are (spans.ts), from the first message read on. */
  spans: Uint8Array;
  first: number;
  /** The rows' lines' bytes in all. */
  lineBytes: number;
  /** The usage entries and last cost record read (for the usage table). */
  usage: Omit<UsageRead, 'reset'>;
}

/** What looking at a file found: gone (or unreadable), the same as indexed, or new messages. */
export type ReadResult = { kind: 'gone' } | { kind: 'unchanged'; mtime: number } | ExtractedFile;

/** Looks at one file and reads what was added since the index last saw it. */
export async function readForIndex(job: ReadJob): Promise<ReadResult> {
  let mtime: number;
  try {
    mtime = (await stat(job.path)).mtimeMs;
  } catch {
    return { kind: 'gone' };
  }
  const { known } = job;
  if (known && known.size === job.size && known.mtime === mtime) return { kind: 'unchanged', mtime };
  const resume = known ? (JSON.parse(known.tail) as TailState) : undefined;
  const tail = new SessionTail(job.path, job.id, resume);
  let update;
  try {
    update = await tail.read();
  } catch {
    return { kind: 'gone' }; // vanished or unreadable now; the next update sees it again
  }
  return extractMessages(update.messages, {
    mtime,
    reset: update.reset,
    tail: JSON.stringify(tail.state()),
    usage: { entries: update.session.usage, cost: update.session.cost },
  });
}

/** What the index writes of `messages` (with their lines' places: other sources give 0, 0) and of
 * the session's usage. */
export function extractMessages(
  messages: readonly { message: Message; index: number; span: { offset: number; length: number } }[],
  read: { mtime: number; reset: boolean; tail: string; usage: ExtractedFile['usage'] },
): ExtractedFile {
  const fields: string[] = [];
  const numbers: number[] = [];
  const spans: Span[] = [];
  let total = 0;
  let lineBytes = 0;
  for (const { message, index, span } of messages) {
    if (index > MAX_MESSAGE) break;
    const f = messageFields(message);
    if (!f.text && !f.tools) continue;
    // NFC, as the query words are: SQLite does not normalize, so a Korean syllable spelled in
    // letters or a kana with its voicing mark apart (as macOS spells file names) would not match.
    // Chinese and Japanese characters spaced out: each is a word (normalize.ts).
    const tools = indexText(f.tools);
    const text = indexText(f.text);
    const toolsEnd = total + Buffer.byteLength(tools);
    const rowEnd = toolsEnd + Buffer.byteLength(text);
    fields.push(tools, text);
    numbers.push(index, toolsEnd, rowEnd);
    spans.push({ msg: index, ...span });
    // Without a line (another source), the text stands in for it in the commit batches.
    lineBytes += span.length || rowEnd - total;
    total = rowEnd;
  }
  const first = messages[0]?.index ?? 0;
  // Its own memory (never Node's shared pool), so that it can be transferred to another thread.
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const field of fields) at += bytes.write(field, at);
  return {
    kind: 'read',
    mtime: read.mtime,
    reset: read.reset,
    tail: read.tail,
    messages: messages.length,
    rows: Float64Array.from(numbers),
    bytes,
    // In file order, as the tail reads them: every offset is past the line before.
    spans: encodeSpans(first, spans),
    first,
    lineBytes,
    usage: read.usage,
  };
}
