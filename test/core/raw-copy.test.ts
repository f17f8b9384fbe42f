// The stored JSON text of tool inputs and of the cost record is an ordinary field of the session
// (raw.ts), so a copy of a loaded session, by structuredClone or by spreads, exports and rewrites
// byte for byte like the session itself (Go's number spelling and key order included).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/types';
import { sessionJson } from '../../src/core/export/session-json';
import { goMarshal } from '../../src/core/gojson';
import { exportSessionMarkdown } from '../../src/core/export/export-markdown';
import { costLine, messageLine } from '../../src/core/serialize';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, fixtureIds } from '../support/fixtures';

/** A session whose tool input and cost are spelled as JavaScript would not spell them again. */
const SPELLED = 'spelled-numbers';
const ZERO = '0001-01-01T00:00:00Z';
const INPUT = '{"big":12345678901234567890,"ratio":1.50,"exp":1e3}';
const COST = '{"total_cost_usd":0.10,"input_tokens":1E2}';
const SPELLED_LINES = [
  `{"type":"meta","session_id":"${SPELLED}","title":"Spelled","created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z"}`,
  `{"type":"message","session_id":"${SPELLED}","created_at":"${ZERO}","updated_at":"${ZERO}","message":{"role":"assistant","content":[{"type":"tool_use","tool_name":"calc","tool_id":"t1","input":${INPUT}}]}}`,
  `{"type":"cost","session_id":"${SPELLED}","created_at":"${ZERO}","updated_at":"${ZERO}","cost":${COST}}`,
];
const IDS = [...fixtureIds(), SPELLED];

/** A copy made of spreads, as a reducer or a redaction pass would make one. */
function spreadCopy(s: Session): Session {
  return { ...s, messages: s.messages.map((m) => ({ ...m, content: m.content.map((b) => ({ ...b })) })) };
}

/** Everything a session is written or exported as. */
function outputs(s: Session): string[] {
  return [
    exportSessionMarkdown(s),
    sessionJson(s),
    ...s.messages.map((m) => messageLine(s.id, m)),
    s.cost === null ? '' : costLine(s.id, s),
  ];
}

describe('a copy of a loaded session', () => {
  const dir = corpusCopy();
  writeFileSync(join(dir, `${SPELLED}.jsonl`), SPELLED_LINES.join('\n') + '\n');
  const store = new JsonlStore(dir);

  it('keeps stored texts that differ from what marshalling the values would give', async () => {
    // Without them, the tests below could not tell a kept text from a re-marshalled one.
    const session = await store.load(SPELLED);
    const block = session.messages[0]!.content[0]!;
    expect(block.input_json).toBe(INPUT);
    expect(goMarshal(block.input, false)).not.toBe(INPUT);
    expect(session.cost_json).toBe(COST);
    expect(await store.exportMarkdown(SPELLED)).toContain(INPUT);
  });

  it.each(IDS)('%s exports and serializes byte-identically after structuredClone', async (id) => {
    const session = await store.load(id);
    expect(outputs(structuredClone(session))).toEqual(outputs(session));
    expect(exportSessionMarkdown(structuredClone(session))).toBe(await store.exportMarkdown(id));
  });

  it.each(IDS)('%s exports and serializes byte-identically after spreads', async (id) => {
    const session = await store.load(id);
    expect(outputs(spreadCopy(session))).toEqual(outputs(session));
  });

  it('never writes the stored text as a field of its own, nor shows it in the JSON export', async () => {
    for (const id of IDS) {
      for (const text of outputs(await store.load(id))) {
        expect(text).not.toContain('input_json');
        expect(text).not.toContain('cost_json');
      }
    }
  });
});
