// Which characters of a Markdown text are markup rather than words: heading hashes, quote and
// list markers, fences and rules at a line's start, backticks, and paired emphasis delimiters
// (** __ ~~ * _). Snippets leave them out so a result reads as plain text; words are never
// touched, so every highlight still covers what matched. A mark between two letters or digits
// stays: leaving it out would join two indexed words into one that matches nothing.

const LINE_MARKER = /^[ \t]{0,3}((?:>[ \t]?)*)(#{1,6}(?:[ \t]+|$)|[-*+][ \t]+|`{3,}|~{3,})?/;
const RULE = /^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const ALNUM = /[\p{L}\p{N}]/u;

/** True when `text[start, start + length)` stands between two letters or digits. */
function joinsWords(text: string, start: number, length: number): boolean {
  return ALNUM.test(text[start - 1] ?? ' ') && ALNUM.test(text[start + length] ?? ' ');
}

interface Run {
  start: number;
  length: number;
  char: string;
  opens: boolean;
  closes: boolean;
}

/** The emphasis delimiter runs of one line (outside code spans), which of them may open or close. */
function delimiterRuns(line: string, offset: number, code: Uint8Array): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < line.length;) {
    const char = line[i]!;
    if ((char !== '*' && char !== '_' && char !== '~') || code[offset + i]) {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === char) j++;
    const before = line[i - 1] ?? ' ';
    const after = line[j] ?? ' ';
    const length = j - i;
    // Strikethrough takes two tildes; no delimiter opens or closes inside a word.
    const usable = (char !== '~' || length === 2) && !joinsWords(line, i, length);
    const space = (c: string) => /\s/.test(c);
    const opens = usable && !space(after) && (char !== '_' || !ALNUM.test(before));
    const closes = usable && !space(before) && (char !== '_' || !ALNUM.test(after));
    runs.push({ start: offset + i, length, char, opens, closes });
    i = j;
  }
  return runs;
}

/** A mask over `text`: 1 for each markup character. `lineStart`: `text` begins a line. */
export function markupMask(text: string, lineStart: boolean): Uint8Array {
  const drop = new Uint8Array(text.length);
  const code = new Uint8Array(text.length);
  // Code spans: the backticks go, what is between them is kept as it is.
  for (const m of text.matchAll(/(`+)([^`]*?)\1/g)) {
    const open = m[1]!.length;
    const close = m[0].length - open;
    for (let k = 0; k < m[0].length; k++) {
      if (k >= open && k < close) code[m.index + k] = 1;
      else if (!joinsWords(text, k < open ? m.index : m.index + close, open)) drop[m.index + k] = 1;
    }
  }
  let offset = 0;
  for (const [n, line] of text.split('\n').entries()) {
    if (n > 0 || lineStart) {
      if (RULE.test(line)) drop.fill(1, offset, offset + line.length);
      else {
        const m = LINE_MARKER.exec(line)!;
        drop.fill(1, offset, offset + m[0].length);
        // Only the markers go: the spaces of an indent stay (they collapse into one later).
        for (let k = 0; k < m[0].length; k++) if (line[k] === ' ' || line[k] === '\t') drop[offset + k] = 0;
      }
    }
    // Emphasis pairs: an opener with the nearest later closer of the same kind and length.
    const open: Run[] = [];
    for (const run of delimiterRuns(line, offset, code)) {
      const at = run.closes ? open.findLastIndex((o) => o.char === run.char && o.length === run.length) : -1;
      if (at >= 0) {
        const opener = open[at]!;
        open.length = at;
        drop.fill(1, opener.start, opener.start + opener.length);
        drop.fill(1, run.start, run.start + run.length);
      } else if (run.opens) open.push(run);
    }
    offset += line.length + 1;
  }
  return drop;
}
