// Loads one session file with the reference's semantics (last meta wins, last cost wins, blank
// and bad lines skipped) but without its weak points: no line-length limit, damaged lines are
// counted and reported, and messages repeated by id (a known ggcode bug) are shown once.
import type { Cost, Message, Session } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from './gotime';
import { forEachLine } from './lines';
import { decodeRecord } from './record';

/** How many skipped lines a session keeps details of (the count is always exact). */
const SKIPPED_DETAILS = 20;

/** An empty session with the given id, before any line is applied. */
export function emptySession(id: string): Session {
  return {
    id,
    title: '',
    vendor: '',
    endpoint: '',
    model: '',
    created_at: '',
    updated_at: '',
    messages: [],
    cost: null,
    usage: [],
    metrics: [],
    checkpoints: [],
    skipped_lines: 0,
    skipped: [],
    duplicate_messages: 0,
  };
}

/** Reads `<id>.jsonl` at `path` into a Session. Throws the fs error (ENOENT) when there is no file.
 * With `onMessage`, each message goes there instead of into `messages`, so a streaming consumer
 * (the export) never holds every message object at once. */
export async function loadSessionFile(
  path: string,
  id: string,
  onMessage?: (m: Message) => void,
): Promise<Session> {
  const s = emptySession(id);
  const seenIds = new Set<string>();
  let count = 0;
  const skip = (line: number, reason: string): void => {
    s.skipped_lines++;
    if (s.skipped.length < SKIPPED_DETAILS) s.skipped.push({ line, reason });
  };
  const stats = await forEachLine(path, (bytes, lineNo, terminated) => {
    let text: string;
    try {
      text = bytes.toString('utf8').trim();
    } catch {
      return skip(lineNo, `line too long to decode (${bytes.length} bytes)`);
    }
    if (text === '') return;
    let rec;
    try {
      rec = decodeRecord(text);
    } catch (error) {
      const why = error instanceof SyntaxError ? 'invalid JSON' : (error as Error).message;
      return skip(lineNo, terminated ? why : `torn last line (${why})`);
    }
    switch (rec.type) {
      case 'meta':
        s.title = rec.meta.title;
        s.vendor = rec.meta.vendor;
        s.endpoint = rec.meta.endpoint;
        s.model = rec.meta.model;
        s.created_at = rec.meta.created_at;
        s.updated_at = rec.meta.updated_at;
        if (rec.meta.workspace !== undefined) s.workspace = rec.meta.workspace;
        break;
      case 'message':
        if (!rec.message) break;
        if (rec.message.id !== undefined) {
          if (seenIds.has(rec.message.id)) {
            s.duplicate_messages++;
            break;
          }
          seenIds.add(rec.message.id);
        }
        count++;
        if (onMessage) onMessage(rec.message);
        else s.messages.push(rec.message);
        break;
      case 'cost':
        s.cost = rec.cost as Cost | null;
        break;
      case 'usage':
        s.usage.push(rec.usage);
        break;
      case 'metric':
        s.metrics.push(rec.metric);
        break;
      case 'checkpoint':
        s.checkpoints.push({ after_messages: count, ...rec.checkpoint });
        break;
    }
  });
  if (isZeroTime(s.created_at)) s.created_at = goTimeFromMillis(Math.floor(stats.mtimeMs));
  if (isZeroTime(s.updated_at)) s.updated_at = s.created_at;
  return s;
}
