// Generates sessions in ggcode's JSONL format (meta + message records, plus index.json entries),
// for the large-session tests and the UI benchmark.
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

/** How to shape a generated session. */
export interface SessionSpec {
  id: string;
  title: string;
  /** Number of messages (alternating user / assistant). */
  messages: number;
  /** Approximate size of each message's text, in bytes (for the default filler text). */
  messageBytes?: number;
  /** The text of message `index`; filler words of about `messageBytes` when absent. */
  text?: (index: number) => string;
  /** RFC 3339 creation time; updated_at is one hour later. */
  createdAt?: string;
  /** Names stored in the meta record and index entry instead of the defaults. */
  names?: Partial<Pick<GeneratedEntry, 'vendor' | 'endpoint' | 'model' | 'workspace'>>;
}

/** The index.json entry of a generated session. */
export interface GeneratedEntry {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  msg_count: number;
  vendor: string;
  endpoint: string;
  model: string;
  workspace?: string;
}

const ZERO = '0001-01-01T00:00:00Z';
const WORDS = ['parser', 'token', 'render', 'alpha', 'session', 'index', 'buffer', 'stream', 'lint', 'cache'];

/** A valid ggcode-style id from a number: yyyymmdd-hhmmss-<16 hex>. */
export function generatedId(n: number, day = '20250101'): string {
  return `${day}-000000-${n.toString(16).padStart(16, '0')}`;
}

// Deterministic filler text: readable words plus the message number, so find-in-page has hits.
function messageText(index: number, bytes: number): string {
  const parts = [`Message ${index}:`];
  let length = parts[0]!.length;
  for (let i = 0; length < bytes; i++) {
    const word = WORDS[(index + i) % WORDS.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

function messageLine(id: string, index: number, text: string): string {
  const role = index % 2 === 0 ? 'user' : 'assistant';
  return messageRecordLine(id, role, [{ type: 'text', text }]);
}

/** One message record line of session `id`, with any content blocks (text, tool_use, tool_result). */
export function messageRecordLine(id: string, role: string, content: Record<string, unknown>[]): string {
  const record = {
    type: 'message',
    session_id: id,
    created_at: ZERO,
    updated_at: ZERO,
    message: { role, content },
  };
  return `${JSON.stringify(record)}\n`;
}

function entryFor(spec: SessionSpec): GeneratedEntry {
  const created = spec.createdAt ?? '2025-01-01T00:00:00Z';
  const updated = new Date(Date.parse(created) + 3_600_000).toISOString().replace('.000Z', 'Z');
  return {
    id: spec.id,
    title: spec.title,
    created_at: created,
    updated_at: updated,
    msg_count: spec.messages,
    vendor: 'anthropic',
    endpoint: 'default',
    model: 'claude-sonnet-4',
    ...spec.names,
  };
}

// The file's lines: the meta record, then one record per message.
function* sessionLines(spec: SessionSpec, entry: GeneratedEntry): Generator<string> {
  const { id: _id, msg_count: _count, ...fields } = entry;
  yield `${JSON.stringify({ type: 'meta', session_id: spec.id, ...fields })}\n`;
  const text = spec.text ?? ((i: number) => messageText(i, spec.messageBytes ?? 200));
  for (let i = 0; i < spec.messages; i++) yield messageLine(spec.id, i, text(i));
}

/** Writes `<dir>/<id>.jsonl` for `spec`, streaming so that sessions of any size fit in memory. */
export async function writeSession(dir: string, spec: SessionSpec): Promise<GeneratedEntry> {
  const entry = entryFor(spec);
  const out = createWriteStream(join(dir, `${spec.id}.jsonl`));
  for (const line of sessionLines(spec, entry)) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return entry;
}

/** Writes `count` small sessions (a few short messages each) and indexes them, 64 files at a time. */
export async function writeManySmallSessions(dir: string, count: number): Promise<GeneratedEntry[]> {
  const entries: GeneratedEntry[] = [];
  for (let start = 0; start < count; start += 64) {
    const batch = Array.from({ length: Math.min(64, count - start) }, (_, k) => {
      const n = start + k;
      const createdAt = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString().replace('.000Z', 'Z');
      const spec: SessionSpec = { id: generatedId(n), title: `Small session ${n}`, messages: 4, createdAt };
      const entry = entryFor(spec);
      entries.push(entry);
      return writeFile(join(dir, `${spec.id}.jsonl`), [...sessionLines(spec, entry)].join(''));
    });
    await Promise.all(batch);
  }
  await addToIndex(dir, entries);
  return entries;
}

/** Adds `entries` to `<dir>/index.json` (creating it), as ggcode keeps it for fast listing. */
export async function addToIndex(dir: string, entries: GeneratedEntry[]): Promise<void> {
  const file = join(dir, 'index.json');
  const existing: unknown[] = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as unknown[],
    () => [],
  );
  await writeFile(file, JSON.stringify([...existing, ...entries], null, 2));
}

/** Writes one session of about `totalBytes` and indexes it; returns its entry. */
export async function writeLargeSession(
  dir: string,
  id: string,
  totalBytes: number,
): Promise<GeneratedEntry> {
  const messageBytes = 2000;
  const messages = Math.ceil(totalBytes / (messageBytes + 200));
  const entry = await writeSession(dir, {
    id,
    title: `Large session of ${messages} messages`,
    messages,
    messageBytes,
  });
  await addToIndex(dir, [entry]);
  return entry;
}
