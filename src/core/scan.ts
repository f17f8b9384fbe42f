// A session's list summary straight from its bytes, for files the index does not cover. Message
// lines as ggcode writes them are counted from their first bytes without being parsed; only meta
// lines and unusually shaped lines are decoded, so a scan costs little more than one read.
import type { SessionSummary } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from './gotime';
import { forEachLine } from './lines';
import { decodeRecord, type MetaFields } from './record';

const MESSAGE_PREFIX = Buffer.from('{"type":"message"');
const META_PREFIX = Buffer.from('{"type":"meta"');
const MESSAGE_ID = Buffer.from('"message":{"id":"');
const NULL_MESSAGE = Buffer.from('"message":null');
const ANY_META = Buffer.from('"meta"');
const ANY_MESSAGE = Buffer.from('"message"');
/** How far into a message line its id can stand (after type, session_id and times). */
const ID_WINDOW = 512;

const isWs = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13 || c === 10;

/** Summarizes the session file at `path` (its id is `id`); null for an empty or non-regular file. */
export async function scanSummary(path: string, id: string): Promise<SessionSummary | null> {
  let meta: MetaFields | null = null;
  let count = 0;
  const ids = new Set<string>();
  const countMessage = (messageId: string | undefined): void => {
    if (messageId === undefined) count++;
    else if (!ids.has(messageId)) {
      ids.add(messageId);
      count++;
    }
  };
  const stats = await forEachLine(path, (line) => {
    let start = 0;
    while (isWs(line[start])) start++;
    let end = line.length - 1;
    while (end > start && isWs(line[end])) end--;
    if (start > end || line[start] !== 123 || line[end] !== 125) return;
    if (line.indexOf(MESSAGE_PREFIX, start) === start) {
      const head = line.subarray(start, Math.min(line.length, start + ID_WINDOW));
      const at = head.indexOf(MESSAGE_ID);
      if (at >= 0) {
        const from = at + MESSAGE_ID.length;
        const to = head.indexOf(34, from);
        if (to > from) return countMessage(head.toString('utf8', from, to));
      }
      if (line.indexOf(NULL_MESSAGE, start) < 0) countMessage(undefined);
      return;
    }
    const isMeta = line.indexOf(META_PREFIX, start) === start;
    if (!isMeta && line.indexOf(ANY_META, start) < 0 && line.indexOf(ANY_MESSAGE, start) < 0) return;
    try {
      const rec = decodeRecord(line.toString('utf8', start, end + 1));
      if (rec.type === 'meta') meta = rec.meta;
      else if (rec.type === 'message' && rec.message) countMessage(rec.message.id);
    } catch {
      // A damaged line counts for nothing, exactly as in a full load.
    }
  });
  if (!stats.isFile() || stats.size === 0) return null;
  const m = meta as MetaFields | null;
  let created = m?.created_at ?? '';
  if (isZeroTime(created)) created = goTimeFromMillis(Math.floor(stats.mtimeMs));
  const updated = m && !isZeroTime(m.updated_at) ? m.updated_at : created;
  const summary: SessionSummary = {
    id,
    title: m?.title ?? '',
    created_at: created,
    updated_at: updated,
    msg_count: count,
    vendor: m?.vendor ?? '',
    endpoint: m?.endpoint ?? '',
    model: m?.model ?? '',
    size: stats.size,
  };
  if (m?.workspace !== undefined) summary.workspace = m.workspace;
  return summary;
}
