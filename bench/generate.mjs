// Generates benchmark corpora in ggcode's format: many sessions without an index, one huge
// session, and one session with a single 200 MB line.
import { mkdirSync, openSync, writeSync, closeSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const words =
  'the parser fails when the cache key is stale so we rebuild the lockfile and rerun tests against alpha beta gamma'.split(
    ' ',
  );
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const sentence = (n) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
const zero = '0001-01-01T00:00:00Z';

/** Session `id`'s meta line, the `i`th session's title and times. */
export function metaLine(id, i) {
  const t = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().replace('Z', '123Z');
  return (
    JSON.stringify({
      type: 'meta',
      session_id: id,
      title: `Session ${i}: ${sentence(6)}`,
      vendor: 'anthropic',
      endpoint: 'default',
      model: 'claude-sonnet-4',
      created_at: t,
      updated_at: t,
    }) + '\n'
  );
}

/** Message `i` of session `id`: text, a tool call, or a tool result (its text from `output`). */
export function messageLine(id, i, output = () => sentence(200 + Math.floor(rand() * 400))) {
  const content =
    i % 3 === 2
      ? [{ type: 'tool_result', tool_id: `t${i}`, output: output() }]
      : i % 3 === 1
        ? [
            { type: 'text', text: sentence(40) },
            {
              type: 'tool_use',
              tool_name: 'bash',
              tool_id: `t${i + 1}`,
              input: { cmd: `grep -rn ${sentence(2)}` },
            },
          ]
        : [{ type: 'text', text: sentence(30) }];
  return (
    JSON.stringify({
      type: 'message',
      session_id: id,
      created_at: zero,
      updated_at: zero,
      message: { role: i % 2 ? 'assistant' : 'user', content },
    }) + '\n'
  );
}

/** `count` sessions of 10-60 messages each, no index.json. */
export function generateMany(dir, count) {
  if (existsSync(join(dir, '.done'))) return;
  mkdirSync(dir, { recursive: true });
  for (let s = 0; s < count; s++) {
    const id = `bench-${String(s).padStart(6, '0')}`;
    let text = metaLine(id, s);
    const n = 10 + Math.floor(rand() * 50);
    for (let i = 0; i < n; i++) text += messageLine(id, i);
    writeFileSync(join(dir, `${id}.jsonl`), text);
  }
  writeFileSync(join(dir, '.done'), '');
}

/** One session of about `bytes` bytes made of ordinary messages. */
export function generateHuge(dir, bytes) {
  const id = 'bench-huge';
  const path = join(dir, `${id}.jsonl`);
  if (existsSync(join(dir, '.done'))) return id;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path, 'w');
  let written = writeSync(fd, metaLine(id, 0));
  for (let i = 0; written < bytes; i++) written += writeSync(fd, messageLine(id, i));
  closeSync(fd);
  writeFileSync(join(dir, '.done'), '');
  return id;
}

/** One session whose second line is a single tool output of `bytes` bytes. */
export function generateLongLine(dir, bytes) {
  const id = 'bench-longline';
  if (existsSync(join(dir, '.done'))) return id;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, `${id}.jsonl`), 'w');
  writeSync(fd, metaLine(id, 0));
  writeSync(
    fd,
    `{"type":"message","session_id":"${id}","created_at":"${zero}","updated_at":"${zero}","message":{"role":"user","content":[{"type":"tool_result","tool_id":"t","output":"`,
  );
  const block = Buffer.alloc(1 << 20, 'abcdefghij');
  for (let left = bytes; left > 0; left -= block.length)
    writeSync(fd, left >= block.length ? block : block.subarray(0, left));
  writeSync(fd, '"}]}}\n');
  writeSync(fd, messageLine(id, 1));
  closeSync(fd);
  writeFileSync(join(dir, '.done'), '');
  return id;
}
