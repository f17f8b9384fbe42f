// The title AppendMessage derives for an untitled session, with the reference's byte cut.

const MAX_BYTES = 60;
const CUT_BYTES = 57;

// Go turns each byte of a cut UTF-8 sequence into U+FFFD when it encodes the title.
function decodeLikeGo(bytes: Buffer): string {
  let end = bytes.length;
  let back = 0;
  while (back < 3 && end - back > 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
  const lead = bytes[end - back - 1];
  if (lead !== undefined && lead >= 0xc0) {
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (back + 1 < need) end -= back + 1;
  }
  return bytes.toString('utf8', 0, end) + '\uFFFD'.repeat(bytes.length - end);
}

/** The first non-empty text block of the first user message, cut to 57 bytes + "..." when longer
 * than 60 bytes; undefined when there is none. */
export function titleFromMessages(
  messages: readonly { role: string; content: { type: string; text?: string }[] }[],
): string | undefined {
  const first = messages.find((m) => m.role === 'user');
  const text = first?.content.find((b) => b.type === 'text' && b.text)?.text;
  if (!text) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length > MAX_BYTES ? decodeLikeGo(bytes.subarray(0, CUT_BYTES)) + '...' : text;
}
