// Finds secrets in many strings at once: they are scanned in batches (joined by a separator no
// rule matches across), since one secretlint run per string would cost more than the scan itself.
import { extraHits } from './extra-detectors';
import { secretlintHits, type Hit } from './secretlint-scan';

/** What to look for besides secrets. */
export interface ScanOptions {
  emails: boolean;
  /** The home folder path to find, or null. */
  homeDir: string | null;
}

/** Between two strings of a batch: no rule's pattern takes a NUL. */
const SEPARATOR = '\n\u0000\n';
/** Characters per secretlint run. */
const BATCH_CHARS = 1 << 20;

/** Hits sorted by start, overlapping ones merged into one (the kind of the longest). */
export function mergeHits(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const hit of sorted) {
    const last = out.at(-1);
    if (last && hit.start < last.end) {
      if (hit.end - hit.start > last.end - last.start) last.kind = hit.kind;
      last.end = Math.max(last.end, hit.end);
    } else out.push({ ...hit });
  }
  return out;
}

/** A home path that is only the start of a longer name (/home/dev in /home/devops) is no hit. */
function wholePath(text: string, hit: Hit): boolean {
  return hit.kind !== 'home-path' || !/[A-Za-z0-9_.-]/.test(text.charAt(hit.end));
}

async function scanBatch(texts: string[], options: ScanOptions): Promise<Hit[][]> {
  const joined = texts.join(SEPARATOR);
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length + SEPARATOR.length;
  }
  const perText: Hit[][] = texts.map(() => []);
  for (const hit of await secretlintHits(joined, options.homeDir)) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= hit.start) lo = mid;
      else hi = mid - 1;
    }
    const start = hit.start - starts[lo]!;
    const end = hit.end - starts[lo]!;
    // A hit that reaches into the separator belongs to no one string: cut it at the string's end.
    const text = texts[lo]!;
    if (start < text.length) perText[lo]!.push({ start, end: Math.min(end, text.length), kind: hit.kind });
  }
  return texts.map((text, i) =>
    mergeHits([...perText[i]!, ...extraHits(text, options.emails)].filter((h) => wholePath(text, h))),
  );
}

/** The secrets in each of `texts` (same order), each list sorted and without overlaps. */
export async function scanTexts(texts: readonly string[], options: ScanOptions): Promise<Hit[][]> {
  const out: Hit[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const text of texts) {
    if (size + text.length > BATCH_CHARS && batch.length > 0) {
      out.push(...(await scanBatch(batch, options)));
      batch = [];
      size = 0;
    }
    batch.push(text);
    size += text.length + SEPARATOR.length;
  }
  if (batch.length > 0) out.push(...(await scanBatch(batch, options)));
  return out;
}

/** `text` with each hit replaced by `[REDACTED:kind]`. */
export function applyHits(text: string, hits: readonly Hit[]): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + `[REDACTED:${hit.kind}]`;
    at = hit.end;
  }
  return out + text.slice(at);
}
