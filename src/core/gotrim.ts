// Go's strings.TrimSpace, which the reference applies to every line before decoding it. Its space
// is unicode.IsSpace: JavaScript's trim() differs by also removing U+FEFF (a byte order mark, so a
// line Go rejects as invalid JSON would load) and by keeping U+0085 (NEL, which Go removes).

/** True for the characters Go's unicode.IsSpace accepts. */
export function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `text` without leading and trailing Go white space. */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
