// The pane's blocks against the export: for every fixture session the blocks give back the
// reference's Markdown byte for byte, and random messages give back what the export writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, GOLDEN } from '../../../test/support/fixtures';
import { messageExport } from '../../shared/message-export';
import type { ContentBlock, Message } from '../../shared/types';
import { exportHeader, messageMarkdown } from '../export/export-markdown';
import { JsonlStore } from '../store';
import { fullPage } from './full-page';
import { wireMessage } from './wire-message';

const FIXTURES = [
  '20260301-101010-00000000000000a6',
  '20260410-080000-00000000000000a7',
  '20261124-135052-272d909aaece2296',
  '20261124-135052-642d08901e4b0349',
  '20261124-135052-8ed97e085fd226b0',
  '20261124-135052-9d0d78e4cb3dbc97',
  '20261124-135052-b3bc2eebd2d250e8',
  '20261124-135052-b415e622ad0f2d67',
  '20261124-135052-d23db7e55539ac33',
];

const block: fc.Arbitrary<ContentBlock> = fc.oneof(
  fc.record(
    {
      type: fc.constant('text'),
      text: fc.string({ unit: 'grapheme', maxLength: 40 }),
      reasoning_content: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constant('tool_use'),
      tool_name: fc.string({ maxLength: 8 }),
      tool_id: fc.string({ maxLength: 4 }),
      input: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constant('tool_result'),
      tool_id: fc.string({ maxLength: 4 }),
      output: fc.string({ unit: 'grapheme', maxLength: 60 }),
      is_error: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({
    type: fc.constant('image'),
    image_mime: fc.constant('image/png'),
    image_data: fc.base64String(),
  }),
  fc.record({ type: fc.string({ maxLength: 12 }) }),
);
const message: fc.Arbitrary<Message> = fc.record({
  role: fc.oneof(
    fc.constantFrom('user', 'assistant', 'system', 'tool', 'constructor', 'toString'),
    fc.string(),
  ),
  content: fc.array(block, { maxLength: 5 }),
});

describe('the pane draws what the export holds', () => {
  it.each(FIXTURES)('fixture %s: its blocks give back the reference export byte for byte', async (id) => {
    const session = await new JsonlStore(CORPUS).load(id);
    const page = fullPage(session);
    const golden = readFileSync(join(GOLDEN, `${id}.md`), 'utf8');
    expect(exportHeader(session, page.total) + page.messages.map(messageExport).join('')).toBe(golden);
  });

  it('a random message gives back exactly its part of the export', () => {
    fc.assert(
      fc.property(message, fc.nat(1000), (m, index) => {
        expect(messageExport(wireMessage(m, index))).toBe(messageMarkdown(m));
      }),
      { numRuns: 500 },
    );
  });

  it('splits a text block with reasoning into a reasoning block and a text block', () => {
    const wire = wireMessage(
      { role: 'assistant', content: [{ type: 'text', text: 'answer', reasoning_content: 'thinking' }] },
      3,
    );
    expect(wire).toEqual({
      index: 3,
      role: 'assistant',
      blocks: [
        { kind: 'reasoning', source: 0, text: 'thinking' },
        { kind: 'text', source: 0, text: 'answer' },
      ],
    });
  });
});

describe('tool calls and results are paired by id', () => {
  it('pairs the fixture calls with their results across messages, images inside the result', async () => {
    const page = fullPage(await new JsonlStore(CORPUS).load('20261124-135052-d23db7e55539ac33'));
    const [, calls, results] = page.messages;
    expect(calls!.blocks.map((b) => b.kind === 'tool_call' && b.result)).toEqual([
      false,
      { message: 2, block: 0 },
      { message: 2, block: 1 },
    ]);
    expect(results!.blocks.map((b) => b.kind === 'tool_result' && b.call)).toEqual([
      { message: 1, block: 1 },
      { message: 1, block: 2 },
      false,
    ]);
    const newer = fullPage(await new JsonlStore(CORPUS).load('20260410-080000-00000000000000a7'));
    expect(newer.messages[2]!.blocks[0]).toMatchObject({
      kind: 'tool_result',
      call: { message: 1, block: 2 },
      images: [{ index: 0, mime: 'image/png', data: 'AAAA', size: 4 }],
    });
  });

  it('gives a repeated id to the earliest open call, and leaves strays unpaired', () => {
    const call = (id: string): ContentBlock => ({ type: 'tool_use', tool_id: id, tool_name: 'x' });
    const result = (id: string): ContentBlock => ({ type: 'tool_result', tool_id: id, output: id });
    const session = {
      ...fullPageInput(),
      messages: [
        { role: 'assistant', content: [call('a'), call('a'), call('b'), call('')] },
        { role: 'user', content: [result('a'), result('zz'), result('a'), result('a'), result('')] },
      ],
    };
    const [first, second] = fullPage(session).messages;
    expect(first!.blocks.map((b) => b.kind === 'tool_call' && b.result)).toEqual([
      { message: 1, block: 0 },
      { message: 1, block: 2 },
      null,
      null,
    ]);
    expect(second!.blocks.map((b) => b.kind === 'tool_result' && b.call)).toEqual([
      { message: 0, block: 0 },
      null,
      { message: 0, block: 1 },
      null,
      null,
    ]);
  });
});

function fullPageInput() {
  return {
    id: 's',
    title: '',
    vendor: '',
    endpoint: '',
    model: '',
    created_at: '',
    updated_at: '',
    cost: null,
    usage: [],
    metrics: [],
    checkpoints: [],
    skipped_lines: 0,
    skipped: [],
    duplicate_messages: 0,
  };
}
