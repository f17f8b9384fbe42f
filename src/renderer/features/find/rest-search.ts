// Searching the rest of a string cut from a huge line: its pieces are fetched one after another
// and each is searched as it comes (then let go), with the end of the one before carried over so
// a match across two pieces is found, exactly as a search over the whole string would find it.
import type { TextPiece } from '../../../shared/transcript';
import { eachMatch } from './find-matcher';

/** A match in the rest: in part `part` (which starts at `from`), at [start, end) of that part's
 * text (`end` past the part's end for a match that runs into the next one); part -1 is the end
 * of the head given (a match from the head into the rest). */
export interface RestMatch {
  part: number;
  from: number;
  start: number;
  end: number;
}

/** Searches the rest that starts at `from` for `pattern` (literal, at most `longest` characters a
 * match), after `head`: the end of the text before the rest, from where the last match there
 * ended; `found` hears each piece's matches. Resolves once the rest is searched, or false when
 * `stopped()` came first. Throws when a fetch fails. */
export async function searchRest(
  fetchText: (from: number) => Promise<TextPiece>,
  from: number,
  head: string,
  pattern: RegExp,
  longest: number,
  found: (matches: RestMatch[]) => void,
  stopped: () => boolean,
): Promise<boolean> {
  // Where each part starts in the whole rest (characters) and as `sessions:text` knows it.
  const parts: { at: number; from: number }[] = [{ at: 0, from: -1 }];
  let next: number | null = from;
  // The end of the text searched so far that a match may still start in, and where it starts.
  let carry = head.slice(Math.max(0, head.length - longest));
  let carryAt = head.length - carry.length;
  while (next !== null) {
    const piece: TextPiece = await fetchText(next);
    if (stopped()) return false;
    parts.push({ at: carryAt + carry.length, from: next });
    const text = carry + piece.text;
    const matches: RestMatch[] = [];
    let lastEnd = 0;
    eachMatch(text, pattern, (start, end) => {
      const at = carryAt + start;
      let part = parts.length - 1;
      while (parts[part]!.at > at) part--;
      const base = parts[part]!.at;
      matches.push({ part: part - 1, from: parts[part]!.from, start: at - base, end: carryAt + end - base });
      lastEnd = end;
    });
    found(matches);
    // A match that runs into the next piece starts within `longest` of this one's end, and not
    // before the last match found ends (matches do not overlap).
    const keep = Math.max(lastEnd, text.length - longest);
    carry = text.slice(keep);
    carryAt += keep;
    next = piece.next;
  }
  return true;
}
