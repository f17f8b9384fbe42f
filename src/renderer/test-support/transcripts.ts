// Test data in the shapes the backend sends: messages as blocks, pages of a session's messages
// (calls paired with results, as the backend pairs them), and session summaries.
import { pairAll } from '../../shared/tool-pairing';
import {
  plainSessionFacts,
  type TranscriptBlock,
  type TranscriptMessage,
  type TranscriptPage,
  type TranscriptSession,
} from '../../shared/transcript';
import type { SessionSummary } from '../../shared/types';

/** One block of a message, as a test describes it. */
export type TestBlock =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'tool_use'; name: string; input?: string; id?: string }
  | {
      type: 'tool_result';
      output: string;
      isError?: boolean;
      id?: string;
      images?: { mime: string; data: string }[];
    }
  | { type: 'image'; mime: string; data: string };

function wireBlock(block: TestBlock, source: number): TranscriptBlock {
  switch (block.type) {
    case 'text':
      return { kind: 'text', source, text: block.text };
    case 'reasoning':
      return { kind: 'reasoning', source, text: block.text };
    case 'tool_use':
      return {
        kind: 'tool_call',
        source,
        id: block.id ?? '',
        name: block.name,
        input: block.input ?? null,
        result: null,
      };
    case 'tool_result':
      return {
        kind: 'tool_result',
        source,
        tool_use_id: block.id ?? '',
        output: block.output,
        is_error: block.isError === true,
        images: (block.images ?? []).map((image, index) => ({ index, size: image.data.length, ...image })),
        call: null,
      };
    case 'image':
      return {
        kind: 'image',
        source,
        image: { index: -1, mime: block.mime, data: block.data, size: block.data.length },
      };
  }
}

/** A message with the given blocks (its index is set where it is placed in a transcript). */
export function message(
  role: string,
  blocks: readonly TestBlock[],
  extra: Partial<TranscriptMessage> = {},
): TranscriptMessage {
  return { index: 0, role, blocks: blocks.map(wireBlock), ...extra };
}

/** The facts of session `id`; `session` overrides any field. */
export function sessionFacts(
  id: string,
  count: number,
  session: Partial<TranscriptSession> = {},
): TranscriptSession {
  return {
    ...plainSessionFacts({
      id,
      title: `Session ${id}`,
      vendor: 'anthropic',
      endpoint: 'default',
      model: 'claude-sonnet-4',
      created_at: '2026-04-10T08:00:00Z',
      updated_at: '2026-04-10T08:30:00Z',
      msg_count: count,
    }),
    ...session,
  };
}

/** A complete page holding every message of session `id`, indexed from 0 and paired. */
export function transcript(
  id: string,
  messages: readonly TranscriptMessage[],
  session: Partial<TranscriptSession> = {},
): TranscriptPage {
  const indexed = messages.map((m, index) => ({
    ...m,
    index,
    blocks: m.blocks.map((b) => ({ ...b })),
  }));
  pairAll(indexed);
  return {
    version: 'v1',
    session: sessionFacts(id, indexed.length, session),
    total: indexed.length,
    complete: true,
    messages: indexed,
  };
}

/** A session summary; `fields` overrides any field. */
export function summary(id: string, fields: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id,
    title: `Session ${id}`,
    created_at: '2026-04-10T08:00:00Z',
    updated_at: '2026-04-10T08:30:00Z',
    msg_count: 2,
    vendor: 'anthropic',
    endpoint: 'default',
    model: 'claude-sonnet-4',
    size: 1000,
    ...fields,
  };
}

/** The hostile fixture session's texts (test/fixtures/…/b415e622ad0f2d67.jsonl), message by message. */
export const HOSTILE_TEXTS: readonly string[] = [
  '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2">',
  '[click me](javascript:window.__pwned=3) <a href="javascript:window.__pwned=4">x</a> ' +
    '<iframe src="https://example.com"></iframe> <svg onload="window.__pwned=5"></svg> ' +
    '<style>body{display:none}</style> <form action="https://evil.example"><input name=q></form>',
  '![tracker](https://evil.example/pixel.png) <details open ontoggle="window.__pwned=6">d</details>',
];
