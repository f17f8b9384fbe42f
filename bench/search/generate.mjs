// A realistic search corpus in ggcode's format: coding sessions whose tool outputs are long
// (source files, logs with timestamps and ids, stack traces, test runs, diffs, listings), with
// prose around them, a long tail of unique tokens (hashes, ids, numbers), and a few planted rare
// words whose frequencies are known. Session i depends on i only, so a smaller corpus is exactly
// the first sessions of a bigger one.
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Planted words and the share of sessions that contain each (one of them in one session only). */
export const RARE = {
  flibbertigibbet: 0, // exactly one session (see below)
  xylophone: 0.0005,
  quokka: 0.005,
  zanzibar: 0.05,
  ECONNRESET: 0.03,
  E0502: 0.01,
};
const UNIQUE_SESSION = 4242;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = `the a to of and in is it that for on with this we be as are not can but should will
now let me check first then run tests again fix issue problem function file code change update
build error fails because missing config value returns null when called from handler looks like
race condition between worker and main thread cache key stale after rebuild lockfile version mismatch
I think need add guard retry timeout increase limit handle case empty input parse output format
refactor extract helper rename variable move module split into smaller pieces clean up unused imports
performance slow query index scan memory leak allocation profile benchmark result faster than before
please review approach makes sense simpler alternative would keep behavior same without breaking api
deploy staging production rollback migration schema database connection pool exhausted requests`
  .split(/\s+/)
  .filter(Boolean);
const PARTS = `user account session token request response handler router config settings cache store
index query result item list map entry record event message queue worker job task schedule retry
client server socket stream buffer reader writer parser lexer token node tree graph path file dir
auth permission role policy rule filter sort page limit offset cursor batch chunk block frame
metric counter gauge histogram span trace log level error warning status code state context`
  .split(/\s+/)
  .filter(Boolean);
const VERBS =
  'get set load save parse build create update delete find fetch handle validate resolve render apply'.split(
    ' ',
  );
const TYPES = ['string', 'number', 'boolean', 'Promise<void>', 'Buffer', 'Map<string, number>', 'unknown'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const ERRORS = [
  'connection refused',
  'permission denied',
  'cannot find module',
  'null pointer dereference',
  'context deadline exceeded',
  'no such file or directory',
  'unexpected token',
  'out of memory',
  'address already in use',
  'too many open files',
];
const DIRS = 'src lib internal pkg cmd app components services utils core api db test scripts'.split(' ');
const EXT = ['.ts', '.go', '.py', '.rs', '.tsx', '.json', '.md'];
const MODELS = [
  ['anthropic', 'claude-sonnet-4'],
  ['anthropic', 'claude-opus-4'],
  ['openai', 'gpt-4o'],
  ['openai', 'gpt-5'],
  ['deepseek', 'deepseek-chat'],
  ['qwen', 'qwen3-coder'],
];

/** One session's text maker: every helper draws from the session's own random sequence. */
function maker(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  // Zipf-like: early words of a list far more often than late ones.
  const zipf = (xs) => xs[Math.floor(xs.length * rand() ** 2.5)];
  const int = (n) => Math.floor(rand() * n);
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  const hex = (n) => {
    let out = '';
    for (let k = 0; k < n; k++) out += '0123456789abcdef'[int(16)];
    return out;
  };
  const ident = () => pick(VERBS) + cap(pick(PARTS)) + (rand() < 0.4 ? cap(pick(PARTS)) : '');
  const type = () => cap(pick(PARTS)) + (rand() < 0.5 ? cap(pick(PARTS)) : '');
  const snake = () => `${pick(PARTS)}_${pick(PARTS)}`;
  const path = () =>
    `${pick(DIRS)}/${rand() < 0.5 ? pick(PARTS) + '/' : ''}${rand() < 0.5 ? snake() : ident()}${pick(EXT)}`;
  const sentence = (n = 6 + int(14)) => {
    const w = Array.from({ length: n }, () => zipf(PROSE));
    return cap(w.join(' ')) + pick(['.', '.', '?', ':']);
  };
  const ts = () => {
    const t = new Date(Date.UTC(2025, int(12), 1 + int(28), int(24), int(60), int(60), int(1000)));
    return t.toISOString();
  };
  const CODE = [
    () => `export function ${ident()}(${pick(PARTS)}: ${pick(TYPES)}): ${pick(TYPES)} {`,
    () => `  const ${ident()} = await this.${ident()}(${pick(PARTS)}, ${int(100)});`,
    () => `  if (!${pick(PARTS)}) throw new Error('${pick(ERRORS)}: ${pick(PARTS)}');`,
    () => `  return ${pick(PARTS)}.${ident()}();`,
    () => '}',
    () => `import { ${type()} } from '../${path().replace(/\.\w+$/, '')}';`,
    () => `func (s *${type()}) ${cap(ident())}(ctx context.Context, ${pick(PARTS)} string) error {`,
    () => `\tif err != nil {\n\t\treturn fmt.Errorf("${pick(ERRORS)}: %w", err)\n\t}`,
    () => `def ${snake()}(self, ${pick(PARTS)}=None):`,
    () => `    ${snake()} = self.${snake()}.get("${pick(PARTS)}", ${int(1000)})`,
    () => `  // ${sentence(8)}`,
    () => `  ${pick(PARTS)}.${ident()}(${JSON.stringify(pick(PARTS))}, ${rand().toFixed(3)});`,
  ];
  const codeLine = () => pick(CODE)();
  const LOG = [
    () =>
      `${ts()} ${pick(LEVELS)} [${pick(PARTS)}] ${sentence(6)} ${pick(PARTS)}=${hex(8)} ${pick(PARTS)}_ms=${int(5000)}`,
    () =>
      `${ts()} ERROR ${pick(ERRORS)} at ${path()}:${1 + int(900)} request_id=${hex(8)}-${hex(4)}-${hex(12)}`,
    () => `    at ${type()}.${ident()} (${path()}:${1 + int(900)}:${1 + int(80)})`,
    () => `--- FAIL: Test${type()} (0.${int(99)}s)`,
    () => `ok  \tgithub.com/acme/${pick(DIRS)}/${pick(PARTS)}\t0.${int(999)}s`,
    () => `${path()}:${1 + int(500)}:${1 + int(60)}: ${pick(ERRORS)}`,
    () => `-rw-r--r--  1 dev staff ${int(90000)} Mar ${1 + int(28)} ${path()}`,
    () => `@@ -${int(400)},${int(20)} +${int(400)},${int(20)} @@ ${ident()}`,
    () => `+  ${codeLine()}`,
    () => `commit ${hex(40)}`,
  ];
  const logLine = () => pick(LOG)();
  const block = (line, n) => {
    let out = line();
    for (let k = 1; k < n; k++) out += '\n' + line();
    return out;
  };
  // Output sizes: mostly a few KB, sometimes tens of KB.
  const outputLines = () =>
    Math.min(2000, Math.floor(8 + 40 * Math.exp(1.2 * (rand() + rand() + rand() - 1.5))));
  return { pick, int, sentence, path, ident, codeLine, logLine, block, outputLines, hex };
}

function plant(text, rand, words) {
  if (words.length === 0) return text;
  const at = text.lastIndexOf(' ', Math.floor(rand() * text.length));
  return at < 0 ? `${words.join(' ')} ${text}` : `${text.slice(0, at)} ${words.join(' ')}${text.slice(at)}`;
}

const ZERO = '0001-01-01T00:00:00Z';

/** Session `i`: its id, meta (for index.json) and file text of about `targetBytes`. */
export function makeSession(i) {
  const rand = prng(0x5eed + i * 7919);
  const m = maker(rand);
  const id = `bench-${String(i).padStart(5, '0')}`;
  const [vendor, model] = MODELS[i % MODELS.length];
  const updated = new Date(
    Date.UTC(2025, 0, 1) + i * 5_700_000 + Math.floor(rand() * 3_600_000),
  ).toISOString();
  // Lognormal sizes around a 65 KB median: a 1 GB corpus for 10,000 sessions.
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const targetBytes = Math.min(3 << 20, Math.floor(65_000 * Math.exp(normal)));
  const rare = Object.entries(RARE)
    .filter(([word, share]) => (word === 'flibbertigibbet' ? i === UNIQUE_SESSION : rand() < share))
    .map(([word]) => word);
  const title = m.sentence(5 + m.int(5)).slice(0, 57);
  const meta = {
    type: 'meta',
    session_id: id,
    title,
    vendor,
    endpoint: 'default',
    model,
    created_at: updated,
    updated_at: updated,
  };
  const lines = [JSON.stringify(meta)];
  const head = (message) =>
    JSON.stringify({ type: 'message', session_id: id, created_at: ZERO, updated_at: ZERO, message });
  let bytes = lines[0].length;
  let turn = 0;
  while (bytes < targetBytes) {
    const toolId = `toolu_${m.hex(12)}`;
    const command = m.pick([
      () => ({
        name: 'bash',
        input: {
          command: `${m.pick(['go test ./...', 'npm test', 'rg -n', 'cat', 'git diff', 'ls -la'])} ${m.path()}`,
        },
      }),
      () => ({ name: 'read_file', input: { path: m.path() } }),
      () => ({ name: 'edit_file', input: { path: m.path(), old: m.codeLine(), new: m.codeLine() } }),
    ])();
    const output =
      command.name === 'read_file' || m.int(3) === 0
        ? m.block(m.codeLine, m.outputLines())
        : m.block(m.logLine, m.outputLines());
    const words = turn === 1 ? rare : [];
    const messages = [
      { role: 'user', content: [{ type: 'text', text: m.sentence() + ' ' + m.sentence() }] },
      {
        role: 'assistant',
        content: [
          {
            type: 'text',
            text: m.sentence(),
            ...(m.int(3) === 0 ? { reasoning_content: m.sentence(30) } : {}),
          },
          { type: 'tool_use', tool_name: command.name, tool_id: toolId, input: command.input },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_id: toolId, output: plant(output, rand, words) }],
      },
      { role: 'assistant', content: [{ type: 'text', text: m.sentence() + ' ' + m.sentence() }] },
    ];
    for (const message of messages) {
      const line = head(message);
      lines.push(line);
      bytes += line.length + 1;
    }
    turn++;
  }
  if (turn < 2 && rare.length > 0)
    lines.push(head({ role: 'assistant', content: [{ type: 'text', text: rare.join(' ') }] }));
  return {
    id,
    text: lines.join('\n') + '\n',
    entry: {
      id,
      title,
      created_at: updated,
      updated_at: updated,
      msg_count: lines.length - 1,
      vendor,
      endpoint: 'default',
      model,
    },
  };
}

/** Writes sessions 0..count-1 and their index.json into `dir`, unless a finished one is there. */
export function generateCorpus(dir, count) {
  if (existsSync(join(dir, '.done'))) return false;
  mkdirSync(dir, { recursive: true });
  const entries = [];
  for (let i = 0; i < count; i++) {
    const s = makeSession(i);
    const fd = openSync(join(dir, `${s.id}.jsonl`), 'w');
    writeSync(fd, s.text);
    closeSync(fd);
    entries.push(s.entry);
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(entries));
  writeFileSync(join(dir, '.done'), String(count));
  return true;
}
