// The kinds secretlint's recommended rules do not cover: JSON Web Tokens (a signed header and
// payload, checked by decoding the header), secrets assigned in .env-style lines (the value only),
// and, when asked, e-mail addresses (not an SSH remote's user@host:path).
import type { Hit } from './secretlint-scan';

const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g;

function isJwtHeader(segment: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return (
      typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
}

/** A variable whose name says it holds a secret, assigned a value on a line of its own. */
const DOTENV =
  /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH|CREDENTIALS?)[A-Za-z0-9_]*[ \t]*=[ \t]*(["']?)([^\s"'#]{8,})\1[ \t]*$/gim;

/** Values that only stand for a secret: references, placeholders, counts. */
const NOT_A_VALUE =
  /^(?:\$\{?[A-Za-z_]|<.*>$|\*+$|x+$|\d+$|(?:changeme|placeholder|your[-_].*|example.*|redacted.*|\[REDACTED.*)$)/i;

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-]|:\S)/g;

/** JWTs and .env secrets in `text`, plus e-mail addresses when `emails`. */
export function extraHits(text: string, emails: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(JWT)) {
    if (isJwtHeader(m[0].slice(0, m[0].indexOf('.'))))
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'jwt' });
  }
  for (const m of text.matchAll(DOTENV)) {
    const value = m[2]!;
    if (NOT_A_VALUE.test(value)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    hits.push({ start, end: start + value.length, kind: 'dotenv-secret' });
  }
  if (emails)
    for (const m of text.matchAll(EMAIL))
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'email' });
  return hits;
}
