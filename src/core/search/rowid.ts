// Index rows are numbered by session and message: rowid = sid * 2^24 + message + 1 (the title is
// message -1). A session's rows are one rowid range, so FTS5 can count or seek inside a session
// without a join, and a hit's session and message are read off its rowid.

const SPAN = 2 ** 24;

/** The highest message index that gets a row (later messages of a longer session are not indexed). */
export const MAX_MESSAGE = SPAN - 2;

/** The rowid of message `msg` (-1: the title) of session `sid`. */
export function docRowid(sid: number, msg: number): number {
  return sid * SPAN + msg + 1;
}

/** The session a rowid belongs to. */
export function sidOf(rowid: number): number {
  return Math.floor(rowid / SPAN);
}

/** The message a rowid stands for (-1: the title). */
export function msgOf(rowid: number): number {
  return (rowid % SPAN) - 1;
}

/** The first and last rowid a session can have, inclusive. */
export function sessionRange(sid: number): [number, number] {
  return [sid * SPAN, sid * SPAN + SPAN - 1];
}
