// The benchmark's queries, eight of each kind, with what ripgrep is given for the same search:
// its fixed strings, all of which a file must contain (a file list narrowed string by string).
// Filters have no ripgrep equivalent; ripgrep simply does not apply them.

/** `q` is the search box text (a trailing space ends the last word; without it, a prefix). */
export const QUERIES = [
  // rare words (planted: one session, ~5, ~50, ~500; error codes; one identifier)
  { kind: 'rare', q: 'flibbertigibbet ', rg: ['flibbertigibbet'] },
  { kind: 'rare', q: 'xylophone ', rg: ['xylophone'] },
  { kind: 'rare', q: 'quokka ', rg: ['quokka'] },
  { kind: 'rare', q: 'zanzibar ', rg: ['zanzibar'] },
  { kind: 'rare', q: 'ECONNRESET ', rg: ['ECONNRESET'] },
  { kind: 'rare', q: 'E0502 ', rg: ['E0502'] },
  { kind: 'rare', q: 'validateSessionHistogram ', rg: ['validateSessionHistogram'] },
  { kind: 'rare', q: 'TestCursorFrame ', rg: ['TestCursorFrame'] },
  // common words
  { kind: 'common', q: 'error ', rg: ['error'] },
  { kind: 'common', q: 'return ', rg: ['return'] },
  { kind: 'common', q: 'the ', rg: ['the'] },
  { kind: 'common', q: 'cache ', rg: ['cache'] },
  { kind: 'common', q: 'token ', rg: ['token'] },
  { kind: 'common', q: 'handler ', rg: ['handler'] },
  { kind: 'common', q: 'commit ', rg: ['commit'] },
  { kind: 'common', q: 'staging ', rg: ['staging'] },
  // two words, both required
  { kind: 'and', q: 'stale rebuild ', rg: ['stale', 'rebuild'] },
  { kind: 'and', q: 'worker race ', rg: ['worker', 'race'] },
  { kind: 'and', q: 'memory leak ', rg: ['memory', 'leak'] },
  { kind: 'and', q: 'parser token ', rg: ['parser', 'token'] },
  { kind: 'and', q: 'deadline handler ', rg: ['deadline', 'handler'] },
  { kind: 'and', q: 'zanzibar error ', rg: ['zanzibar', 'error'] },
  { kind: 'and', q: 'quokka cache ', rg: ['quokka', 'cache'] },
  { kind: 'and', q: 'rollback migration ', rg: ['rollback', 'migration'] },
  // phrases
  { kind: 'phrase', q: '"connection refused" ', rg: ['connection refused'] },
  { kind: 'phrase', q: '"permission denied" ', rg: ['permission denied'] },
  { kind: 'phrase', q: '"cannot find module" ', rg: ['cannot find module'] },
  { kind: 'phrase', q: '"null pointer dereference" ', rg: ['null pointer dereference'] },
  { kind: 'phrase', q: '"too many open files" ', rg: ['too many open files'] },
  { kind: 'phrase', q: '"race condition" ', rg: ['race condition'] },
  { kind: 'phrase', q: '"memory leak" ', rg: ['memory leak'] },
  { kind: 'phrase', q: '"address already in use" ', rg: ['address already in use'] },
  // prefixes (the last word while typing)
  { kind: 'prefix', q: 'xylo', rg: ['xylo'] },
  { kind: 'prefix', q: 'quok', rg: ['quok'] },
  { kind: 'prefix', q: 'zanz', rg: ['zanz'] },
  { kind: 'prefix', q: 'ECONN', rg: ['ECONN'] },
  { kind: 'prefix', q: 'dereferen', rg: ['dereferen'] },
  { kind: 'prefix', q: 'validateSess', rg: ['validateSess'] },
  { kind: 'prefix', q: 'rollb', rg: ['rollb'] },
  { kind: 'prefix', q: 'histog', rg: ['histog'] },
  // with filters
  { kind: 'filter', q: 'error model:claude ', rg: ['error'] },
  { kind: 'filter', q: 'timeout vendor:openai ', rg: ['timeout'] },
  { kind: 'filter', q: 'zanzibar after:2026-01-01 ', rg: ['zanzibar'] },
  { kind: 'filter', q: 'in:tools ECONNRESET ', rg: ['ECONNRESET'] },
  { kind: 'filter', q: 'in:text refactor ', rg: ['refactor'] },
  { kind: 'filter', q: 'rollback before:2025-06-01 ', rg: ['rollback'] },
  { kind: 'filter', q: 'quokka model:gpt ', rg: ['quokka'] },
  { kind: 'filter', q: '"permission denied" in:tools vendor:anthropic ', rg: ['permission denied'] },
];
