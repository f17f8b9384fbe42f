// The note every front end shows when a list skipped entries it could not read.

/** "1 unreadable file skipped", "3 unreadable files skipped"; null for none. */
export function unreadableNote(count: number): string | null {
  if (count <= 0) return null;
  return `${count} unreadable ${count === 1 ? 'file' : 'files'} skipped`;
}
