// JSON text exactly as Go's encoding/json shapes it, and raw-text helpers for json.RawMessage
// fields (`input`, `cost`) whose bytes the reference keeps as stored.

/** Encodes a string as Go does: U+2028/U+2029 escaped, invalid UTF-16 as U+FFFD, and
 * `<`, `>`, `&` escaped only when `escapeHtml` (index.json) and raw otherwise (session lines). */
export function goString(value: string, escapeHtml: boolean): string {
  let out = JSON.stringify(value.toWellFormed());
  if (out.includes('\u2028') || out.includes('\u2029')) {
    out = out.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  }
  if (escapeHtml && /[<>&]/.test(out)) {
    out = out.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  }
  return out;
}

function goScalar(value: unknown, escapeHtml: boolean): string {
  if (typeof value === 'string') return goString(value, escapeHtml);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'null';
}

/** An array or object being written: its members (key null for array elements) and the next one. */
interface Open {
  close: string;
  members: [string | null, unknown][];
  next: number;
  indent: string;
}

/** Indented output indents this many levels at most; anything deeper is written compactly, still
 * valid JSON: indenting every level costs the square of the depth (a 10 KB entry nested 5,000
 * levels would become a 50 MB index.json). Real entries never come near it. */
export const MAX_INDENTED = 64;

// One loop with an explicit stack instead of recursion: a value nested 100,000 levels deep (an
// index entry's unknown field, a hostile tool input) is written like any other.
function encode(value: unknown, escapeHtml: boolean, unit: string | null): string {
  const out: string[] = [];
  const stack: Open[] = [];
  const newline = (indent: string): string => (unit === null ? '' : '\n' + indent);
  const begin = (v: unknown, indent: string): void => {
    if (unit !== null && stack.length >= MAX_INDENTED) out.push(encode(v, escapeHtml, null));
    else if (Array.isArray(v)) {
      if (v.length === 0) out.push('[]');
      else {
        out.push('[');
        stack.push({ close: ']', members: v.map((x) => [null, x]), next: 0, indent });
      }
    } else if (typeof v === 'object' && v !== null) {
      const members = Object.entries(v).filter(([, x]) => x !== undefined);
      if (members.length === 0) out.push('{}');
      else {
        out.push('{');
        stack.push({ close: '}', members, next: 0, indent });
      }
    } else out.push(goScalar(v, escapeHtml));
  };
  begin(value, '');
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    if (top.next === top.members.length) {
      stack.pop();
      out.push(newline(top.indent) + top.close);
      continue;
    }
    const [key, v] = top.members[top.next++]!;
    const inner = unit === null ? '' : top.indent + unit;
    let head = (top.next > 1 ? ',' : '') + newline(inner);
    if (key !== null) head += goString(key, escapeHtml) + (unit === null ? ':' : ': ');
    out.push(head);
    begin(v, inner);
  }
  return out.join('');
}

/** Encodes any JSON value with Go's string rules; object keys keep their insertion order. */
export function goMarshal(value: unknown, escapeHtml: boolean): string {
  return encode(value, escapeHtml, null);
}

/** Index of the closing quote of the string whose opening quote is at `open`. */
export function stringEnd(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) throw new SyntaxError('unterminated string');
    let backslashes = 0;
    for (let j = q - 1; text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return q;
    i = q + 1;
  }
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Removes insignificant white space, as Go does when it writes a RawMessage (numbers kept as written). */
export function compactJson(raw: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(raw, i);
    } else if (isWs(c)) {
      out += raw.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? raw : out + raw.slice(start);
}

// Walks JSON text that JSON.parse already accepted, to find the raw text of chosen values.
class RawScanner {
  pos = 0;
  constructor(private readonly text: string) {}

  ws(): void {
    while (isWs(this.text.charCodeAt(this.pos))) this.pos++;
  }

  peek(): number {
    this.ws();
    return this.text.charCodeAt(this.pos);
  }

  /** Skips one value iteratively (deep nesting cannot overflow the stack); returns its span. */
  skipValue(): [number, number] {
    this.ws();
    const start = this.pos;
    const c = this.text.charCodeAt(this.pos);
    if (c === 34) {
      this.pos = stringEnd(this.text, this.pos) + 1;
    } else if (c === 123 || c === 91) {
      let depth = 0;
      do {
        const ch = this.text.charCodeAt(this.pos);
        if (ch === 34) this.pos = stringEnd(this.text, this.pos);
        else if (ch === 123 || ch === 91) depth++;
        else if (ch === 125 || ch === 93) depth--;
        this.pos++;
      } while (depth > 0);
    } else {
      while (this.pos < this.text.length && !/[\s,}\]]/.test(this.text[this.pos]!)) this.pos++;
    }
    return [start, this.pos];
  }

  readKey(): string {
    this.ws();
    const end = stringEnd(this.text, this.pos);
    const body = this.text.slice(this.pos + 1, end);
    const key = body.includes('\\') ? (JSON.parse(`"${body}"`) as string) : body;
    this.pos = end + 1;
    this.ws();
    this.pos++; // the colon
    return key;
  }

  /** Visits each member of the object at the cursor; `visit` must consume the value. */
  eachMember(visit: (key: string) => void): void {
    this.ws();
    this.pos++; // {
    if (this.peek() === 125) {
      this.pos++;
      return;
    }
    for (;;) {
      visit(this.readKey());
      if (this.peek() === 44) {
        this.pos++;
        continue;
      }
      this.pos++; // }
      return;
    }
  }

  /** Visits each element of the array at the cursor; `visit` must consume the element. */
  eachElement(visit: (index: number) => void): void {
    this.ws();
    this.pos++; // [
    if (this.peek() === 93) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      visit(index);
      if (this.peek() === 44) {
        this.pos++;
        continue;
      }
      this.pos++; // ]
      return;
    }
  }
}

/** Raw text of `message.content[i].input` for each block index that has one, from a record
 * line JSON.parse accepted. Later duplicate keys win, as in JSON.parse and Go. */
export function rawInputs(line: string): Map<number, string> {
  const found = new Map<number, string>();
  const s = new RawScanner(line);
  s.eachMember((key) => {
    if (key !== 'message' || s.peek() !== 123) return void s.skipValue();
    found.clear();
    s.eachMember((mkey) => {
      if (mkey !== 'content' || s.peek() !== 91) return void s.skipValue();
      found.clear();
      s.eachElement((index) => {
        if (s.peek() !== 123) return void s.skipValue();
        s.eachMember((bkey) => {
          if (bkey !== 'input') return void s.skipValue();
          const [a, b] = s.skipValue();
          found.set(index, line.slice(a, b));
        });
      });
    });
  });
  return found;
}

/** Raw text of every `input` member in `line`, in order, when there are exactly `expected` of
 * them; null otherwise. Sound for text JSON.parse accepted: an unescaped quote before `input`
 * followed by a colon can only open an object key. */
export function rawInputsQuick(line: string, expected: number): string[] | null {
  const found: string[] = [];
  for (let from = 0; ;) {
    const at = line.indexOf('"input"', from);
    if (at < 0) break;
    from = at + 7;
    let backslashes = 0;
    for (let j = at - 1; line.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 1) continue;
    const s = new RawScanner(line);
    s.pos = from;
    if (s.peek() !== 58) continue;
    if (found.length === expected) return null;
    s.pos++;
    const [a, b] = s.skipValue();
    found.push(line.slice(a, b));
    from = b;
  }
  return found.length === expected ? found : null;
}

/** Raw text of a top-level member (`cost`), or undefined. */
export function rawMember(line: string, name: string): string | undefined {
  let raw: string | undefined;
  const s = new RawScanner(line);
  s.eachMember((key) => {
    const [a, b] = s.skipValue();
    if (key === name) raw = line.slice(a, b);
  });
  return raw;
}

/** Go's json.MarshalIndent(value, "", "  ") with HTML escaping, as index.json is written. */
export function goMarshalIndent(value: unknown): string {
  return encode(value, true, '  ');
}
