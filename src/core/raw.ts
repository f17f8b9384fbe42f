// The stored raw JSON text of json.RawMessage fields (a block's `input`, a session's `cost`).
// Go exports and rewrites those bytes as stored, so number spelling and key order must survive.
// The text rides on its owner under a symbol key: invisible to JSON, structured clone and
// Object.keys, and cheaper for the garbage collector than a WeakMap with an entry per block.
import { goMarshal } from './gojson';

const RAW = Symbol('raw JSON text');

type WithRaw = { [RAW]?: string };

/** Records the raw text `owner`'s value was parsed from. */
export function rememberRaw(owner: object, raw: string): void {
  Object.defineProperty(owner, RAW, { value: raw, enumerable: false, writable: true, configurable: true });
}

/** The raw text remembered for `owner`, if it was loaded from a file. */
export function recalledRaw(owner: object): string | undefined {
  return (owner as WithRaw)[RAW];
}

/** Raw text of a block's input: as stored when loaded, else as Go would marshal the value. */
export function rawInputText(block: { input?: unknown }): string {
  return recalledRaw(block) ?? goMarshal(block.input, false);
}
