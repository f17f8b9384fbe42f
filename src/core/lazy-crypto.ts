// Hashes and random names from node:crypto, loaded on first use: it costs a few milliseconds to
// load, which a command that hashes and writes nothing (`sessions export ID`) should not pay.
let crypto: typeof import('node:crypto') | undefined;

function loaded(): typeof import('node:crypto') {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto;
}

/** The first `length` hex digits of `text`'s SHA-256. */
export function sha256Hex(text: string, length = 64): string {
  return loaded().createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** `bytes` random bytes as hex. */
export function randomHex(bytes: number): string {
  return loaded().randomBytes(bytes).toString('hex');
}
