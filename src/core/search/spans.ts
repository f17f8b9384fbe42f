// Where indexed messages' lines are in their file, packed: one blob per file read (a first
// build's file, or what an append added), written once, instead of one row per message (which
// cost an eighth of the build's SQLite time and 1.5% of the index, bench/search). An entry is
// three varints: the message index after the previous one's, the line's offset after the
// previous line's end, and the line's length; most take five bytes in all.

/** Where one message's line is. */
export interface Span {
  msg: number;
  offset: number;
  length: number;
}

function putVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Packs spans given in message order, from message `first` on. */
export function encodeSpans(first: number, spans: Span[]): Uint8Array {
  const out: number[] = [];
  let msg = first;
  let end = 0;
  for (const s of spans) {
    putVarint(out, s.msg - msg);
    putVarint(out, s.offset - end);
    putVarint(out, s.length);
    msg = s.msg;
    end = s.offset + s.length;
  }
  return Uint8Array.from(out);
}

/** Unpacks what encodeSpans(first, …) packed. */
export function decodeSpans(first: number, data: Uint8Array): Span[] {
  const spans: Span[] = [];
  let at = 0;
  const varint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = data[at++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
    }
  };
  let msg = first;
  let end = 0;
  while (at < data.length) {
    msg += varint();
    const offset = end + varint();
    const length = varint();
    spans.push({ msg, offset, length });
    end = offset + length;
  }
  return spans;
}
