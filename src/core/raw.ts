// The stored JSON text of json.RawMessage fields (a block's `input`, a session's `cost`). Go
// exports and rewrites those bytes as stored, so number spelling and key order must survive. The
// text is an ordinary field beside its value (`input_json`, `cost_json`), so a copy of a session
// (a spread, structuredClone) keeps it; values made in memory have none and are marshalled as Go
// would marshal them.
import type { ContentBlock, Session } from '../shared/types';
import { goMarshal } from './gojson';

/** Raw text of a block's input: as stored when loaded, else as Go would marshal the value. */
export function rawInputText(block: Pick<ContentBlock, 'input' | 'input_json'>): string {
  return block.input_json ?? goMarshal(block.input, false);
}

/** Raw text of a session's cost record: as stored when loaded, else as Go would marshal it. */
export function rawCostText(session: Pick<Session, 'cost' | 'cost_json'>): string {
  return session.cost_json ?? goMarshal(session.cost, false);
}
