import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOOLS_GOLDEN_MESSAGES, messageMarkdown, type TestBlock } from '../../test-support/transcripts';
import { segmentMessage, type MessageBlock } from './segment-message';

describe('segmentMessage', () => {
  it('splits the reference export of a tool-heavy session', () => {
    const parts = TOOLS_GOLDEN_MESSAGES.map(segmentMessage);
    expect(parts.map((p) => p.heading)).toEqual(['User', 'Assistant', 'User', 'Assistant']);
    expect(parts[0]!.blocks).toEqual([{ kind: 'text', markdown: 'List files then read one\n\n' }]);
    expect(parts[1]!.blocks).toEqual([
      { kind: 'text', markdown: "I'll look around.\n\n" },
      {
        kind: 'tool_call',
        name: 'list_dir',
        input: '{"path":"src/main.go","opts":{"recursive":true,"depth":3},"list":[1,2,3],"html":"<b>x</b>"}',
      },
      { kind: 'tool_call', name: 'no_input_tool', input: null },
    ]);
    expect(parts[3]!.blocks).toEqual([]);
  });

  it('keeps a fence inside a tool output within that output', () => {
    expect(segmentMessage(TOOLS_GOLDEN_MESSAGES[2]!).blocks).toEqual([
      { kind: 'tool_result', isError: false, output: 'main.go\nutil.go\n```\nfence inside output\n```' },
      { kind: 'tool_result', isError: true, output: 'permission denied: /etc/shadow' },
    ]);
  });

  it('handles empty outputs and text after a result', () => {
    const md = messageMarkdown('user', [
      { type: 'tool_result', output: '' },
      { type: 'text', text: 'between' },
      { type: 'tool_result', output: '', isError: true },
    ]);
    expect(segmentMessage(md).blocks).toEqual([
      { kind: 'tool_result', isError: false, output: '' },
      { kind: 'text', markdown: 'between\n\n' },
      { kind: 'tool_result', isError: true, output: '' },
    ]);
  });

  it('keeps a Markdown file with its own fences in one output', () => {
    const output = '# Readme\n```\nnpm test\n```\n\nThen read the docs.';
    const md = messageMarkdown('user', [
      { type: 'tool_result', output },
      { type: 'tool_result', output: 'done' },
    ]);
    expect(segmentMessage(md).blocks).toEqual([
      { kind: 'tool_result', isError: false, output },
      { kind: 'tool_result', isError: false, output: 'done' },
    ]);
  });

  it('treats a marker that does not parse as text', () => {
    const md = '## Assistant\n\n**Tool Call:** `unterminated\n\n---\n\n';
    expect(segmentMessage(md).blocks).toEqual([
      { kind: 'text', markdown: '**Tool Call:** `unterminated\n\n' },
    ]);
  });

  it('reads other roles as the export wrote them', () => {
    expect(segmentMessage('## tool\n\nhi\n\n---\n\n').heading).toBe('tool');
  });

  const textArb = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((t) => t.trim() !== '' && !/\*\*Tool|---|`/.test(t) && !t.endsWith('\n'));
  const outputArb = fc
    .string({ maxLength: 40 })
    .filter((t) => !t.includes('\n```\n\n') && !t.includes('**Tool'));
  const blockArb: fc.Arbitrary<TestBlock> = fc.oneof(
    textArb.map((text) => ({ type: 'text' as const, text })),
    fc.record({
      type: fc.constant('tool_use' as const),
      name: fc.stringMatching(/^[a-z_]{1,12}$/),
      input: fc.option(fc.json({ maxDepth: 2 }), { nil: undefined }),
    }),
    fc.record({ type: fc.constant('tool_result' as const), output: outputArb, isError: fc.boolean() }),
  );

  function expected(blocks: TestBlock[]): MessageBlock[] {
    const out: MessageBlock[] = [];
    for (const block of blocks) {
      if (block.type === 'text') {
        const last = out.at(-1);
        // Adjacent text blocks read as one run of Markdown.
        if (last?.kind === 'text') last.markdown += `${block.text}\n\n`;
        else out.push({ kind: 'text', markdown: `${block.text}\n\n` });
      } else if (block.type === 'tool_use')
        out.push({ kind: 'tool_call', name: block.name, input: block.input ?? null });
      else out.push({ kind: 'tool_result', isError: block.isError === true, output: block.output });
    }
    return out;
  }

  it('gives back the blocks a message was exported from (property)', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 6 }), (blocks) => {
        expect(segmentMessage(messageMarkdown('assistant', blocks)).blocks).toEqual(expected(blocks));
      }),
      { numRuns: 300 },
    );
  });

  it('gives back tool outputs full of fences and blank lines (property)', () => {
    const trickyOutput = fc.string({ unit: fc.constantFrom('\n', '`', 'a', ' '), maxLength: 30 });
    const toolBlock: fc.Arbitrary<TestBlock> = fc.oneof(
      fc.record({ type: fc.constant('tool_result' as const), output: trickyOutput, isError: fc.boolean() }),
      fc.record({
        type: fc.constant('tool_use' as const),
        name: fc.constant('bash'),
        input: fc.constant('{"cmd":"ls"}'),
      }),
    );
    fc.assert(
      fc.property(fc.array(toolBlock, { maxLength: 5 }), (blocks) => {
        expect(segmentMessage(messageMarkdown('user', blocks)).blocks).toEqual(expected(blocks));
      }),
      { numRuns: 500 },
    );
  });
});
