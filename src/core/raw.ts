// The stored raw JSON text of json.RawMessage fields (a block's `input`, a session's `cost`).
// Go exports and rewrites those bytes as stored, so number spelling and key order must survive.
import { goMarshal } from './gojson';

const rawText = new WeakMap<object, string>();

/** Records the raw text `owner`'s value was parsed from. */
export function rememberRaw(owner: object, raw: string): void {
  rawText.set(owner, raw);
}

/** The raw text remembered for `owner`, if it was loaded from a file. */
export function recalledRaw(owner: object): string | undefined {
  return rawText.get(owner);
}

/** Raw text of a block's input: as stored when loaded, else as Go would marshal the value. */
export function rawInputText(block: { input?: unknown }): string {
  return recalledRaw(block) ?? goMarshal(block.input, false);
}
