// Small text rules the adapters share: titles from a first prompt, and time text checks.
import { parseGoTime } from '../../shared/gotime';

/** Longest title made from a prompt, in characters (an ellipsis marks the cut). */
const TITLE_CHARS = 80;

/** A one-line title from a prompt's text: whitespace collapsed, cut at 80 characters. */
export function titleFromPrompt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > TITLE_CHARS ? chars.slice(0, TITLE_CHARS - 1).join('') + '…' : flat;
}

/** `value` when it is RFC 3339 time text the app can compare and format, else undefined. */
export function validTime(value: unknown): string | undefined {
  return typeof value === 'string' && parseGoTime(value) !== null ? value : undefined;
}
