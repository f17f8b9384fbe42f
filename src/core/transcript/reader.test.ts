// The transcript reader: pages read from the lines a scan located, as a full load would give them
// (calls paired with results across pages, metrics on their message, the user's prompts), the
// first page answered before a long file is read to its end, growth read on, replacement noticed.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, tempDir } from '../../../test/support/fixtures';
import { appendMessage, writeSession } from '../../../test/support/live';
import { messageLine } from '../serialize';
import { JsonlStore } from '../store';
import { fullPage } from './full-page';
import { HEAD_BYTES } from './line-cutter';
import { FileReplacedError, TEXT_PIECE_BYTES } from './reader';
import { TranscriptReaders } from './readers';

const ID = 'paged-1';

function toolSession(dir: string, pairs: number): void {
  const path = writeSession(dir, ID, ['start']);
  for (let i = 0; i < pairs; i++) {
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'assistant',
        content: [{ type: 'tool_use', tool_id: `t${i}`, tool_name: 'bash', input: { command: `echo ${i}` } }],
      }),
    );
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'user',
        content: [{ type: 'tool_result', tool_id: `t${i}`, output: String(i) }],
      }),
    );
  }
  appendFileSync(
    path,
    `${JSON.stringify({ type: 'metric', session_id: ID, metric_event: { type: 'llm', duration: 1500000000 } })}\n`,
  );
}

const FIXTURES = [
  '20260301-101010-00000000000000a6',
  '20260410-080000-00000000000000a7',
  '20261124-135052-b3bc2eebd2d250e8',
  '20261124-135052-b415e622ad0f2d67',
  '20261124-135052-d23db7e55539ac33',
  '20261124-135052-9d0d78e4cb3dbc97',
];

describe('TranscriptReader', () => {
  it.each(FIXTURES)(
    'reads fixture %s as a full load does (damaged, torn and duplicate lines too)',
    async (id) => {
      const reader = await new TranscriptReaders(CORPUS).get(id);
      const outline = await reader.outline();
      const page = await reader.page(0, 500);
      const whole = fullPage(await new JsonlStore(CORPUS).load(id));
      expect(outline.session).toEqual(whole.session);
      for (const m of page.messages) delete m.metrics;
      expect(page.messages).toEqual(whole.messages);
    },
  );

  it('gives pages that, joined, are what a full load gives', async () => {
    const dir = tempDir();
    toolSession(dir, 60);
    const readers = new TranscriptReaders(dir);
    const reader = await readers.get(ID);
    const pages = [];
    for (let from = 0; from < 121; from += 50) pages.push(await reader.page(from, from + 50));
    const whole = fullPage(await new JsonlStore(dir).load(ID));
    const paged = pages.flatMap((p) => p.messages);
    // The metric sits on the message it follows; otherwise the messages are the same.
    expect(paged.at(-1)!.metrics).toEqual([{ type: 'llm', duration: 1500000000 }]);
    delete paged.at(-1)!.metrics;
    expect(paged).toEqual(whole.messages);
    // A call on one page and its result on the next are paired both ways.
    expect(pages[0]!.messages[49]!.blocks[0]).toMatchObject({
      kind: 'tool_call',
      result: { message: 50, block: 0 },
    });
    expect(pages[1]!.messages[0]!.blocks[0]).toMatchObject({
      kind: 'tool_result',
      call: { message: 49, block: 0 },
    });
    const outline = await reader.outline();
    expect(outline.total).toBe(121);
    expect(outline.outline).toEqual([{ index: 0, label: 'start' }]);
    expect(outline.session).toEqual(whole.session);
  });

  it('answers the first page of a long file before reading it to the end', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, []);
    const text = 'x'.repeat(2000);
    appendFileSync(
      path,
      Array.from({ length: 8000 }, () =>
        messageLine(ID, { role: 'user', content: [{ type: 'text', text }] }),
      ).join(''),
    );
    const reader = await new TranscriptReaders(dir).get(ID);
    const first = await reader.page(0, 40);
    expect(first.messages).toHaveLength(40);
    expect(first.complete).toBe(false);
    expect(first.total).toBeLessThan(8000);
    expect((await reader.outline()).total).toBe(8000);
  });

  it('reads on when the file grows, and starts a new reading when it is replaced', async () => {
    const dir = tempDir();
    writeSession(dir, ID, ['one', 'two']);
    const readers = new TranscriptReaders(dir);
    const first = await readers.get(ID);
    expect((await first.outline()).total).toBe(2);
    appendMessage(dir, ID, 'three');
    const grown = await readers.get(ID);
    expect(grown).toBe(first);
    const page = await grown.page(2, 3);
    expect(page.messages[0]!.blocks).toEqual([{ kind: 'text', source: 0, text: 'three' }]);
    expect(page.total).toBe(3);

    writeSession(dir, 'other', ['x']);
    renameSync(join(dir, 'other.jsonl'), join(dir, `${ID}.jsonl`));
    await expect(first.refresh()).rejects.toBeInstanceOf(FileReplacedError);
    const fresh = await readers.get(ID);
    expect(fresh.version).not.toBe(first.version);
    expect((await fresh.outline()).total).toBe(1);
  });

  it('says a missing session is not found, and counts damaged lines as a load does', async () => {
    const dir = tempDir();
    await expect(new TranscriptReaders(dir).get('nope')).rejects.toThrow('session nope not found');
    writeFileSync(
      join(dir, `${ID}.jsonl`),
      '{broken\n' + messageLine(ID, { role: 'user', content: [{ type: 'text', text: 'ok' }] }),
    );
    const outline = await (await new TranscriptReaders(dir).get(ID)).outline();
    expect(outline.session.skipped_lines).toBe(1);
    expect(outline.total).toBe(1);
  });
});

describe('TranscriptReaders', () => {
  it('gives requests made at the same time one reader, so their pages have one version', async () => {
    const dir = tempDir();
    writeSession(dir, ID, ['one', 'two']);
    const readers = new TranscriptReaders(dir);
    await readers.get(ID);
    const all = await Promise.all([readers.get(ID), readers.get(ID), readers.get(ID)]);
    expect(new Set(all).size).toBe(1);
  });
});

describe('TranscriptReader images', () => {
  it('sends a large image without its data, and the data when asked for', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['look']);
    const data = 'A'.repeat(300 * 1024);
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_id: 't',
            output: 'shot',
            images: [
              { mime: 'image/png', data: 'AAAA' },
              { mime: 'image/png', data },
            ],
          },
          { type: 'image', image_mime: 'image/jpeg', image_data: data },
        ],
      }),
    );
    const reader = await new TranscriptReaders(dir).get(ID);
    const [, message] = (await reader.page(0, 2)).messages;
    expect(message!.blocks).toMatchObject([
      {
        kind: 'tool_result',
        images: [
          { index: 0, data: 'AAAA' },
          { index: 1, size: data.length },
        ],
      },
      { kind: 'image', image: { index: -1, mime: 'image/jpeg', size: data.length } },
    ]);
    expect(message!.blocks[1]).not.toHaveProperty('image.data');
    expect(await reader.image(1, 0, 1)).toEqual({ mime: 'image/png', data });
    expect(await reader.image(1, 1, -1)).toEqual({ mime: 'image/jpeg', data });
    await expect(reader.image(1, 0, 5)).rejects.toThrow('message 1 has no image 5 in block 0');
    await expect(reader.image(9, 0, 0)).rejects.toThrow('message 9 not found');
  });

  it('cuts a huge line: heads of its long strings, the rest in bounded pieces, its image whole', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['before']);
    // Over HUGE_LINE_BYTES, with escapes and multi-byte characters throughout.
    const output = 'line é€ "quoted" \\ 😀\n'.repeat(400_000);
    const image = 'iVBOR'.repeat(60_000);
    const command = 'x'.repeat(200_000);
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'assistant',
        content: [{ type: 'tool_use', tool_id: 'big', tool_name: 'bash', input: { command } }],
      }),
    );
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'user',
        content: [
          { type: 'tool_result', tool_id: 'big', output, images: [{ mime: 'image/png', data: image }] },
        ],
      }),
    );
    appendMessage(dir, ID, 'after');
    const reader = await new TranscriptReaders(dir).get(ID);
    const page = await reader.page(0, 10);
    expect(page.messages.map((m) => m.index)).toEqual([0, 1]);
    const [huge] = (await reader.page(2, 10)).messages;
    const result = huge!.blocks[0]!;
    if (result.kind !== 'tool_result') throw new Error('expected a result');
    expect(result.call).toEqual({ message: 1, block: 0 });
    expect(result.cut!.stored_bytes).toBe(Buffer.byteLength(JSON.stringify(output)) - 2);
    expect(result.output.length).toBeLessThanOrEqual(HEAD_BYTES);
    expect(output.startsWith(result.output)).toBe(true);
    expect(result.images).toEqual([{ index: 0, mime: 'image/png', size: image.length }]);
    expect((await reader.image(2, 0, 0)).data).toBe(image);
    // The rest, piece after piece, each bounded.
    const pieces: string[] = [result.output];
    for (let from: number | null = result.cut!.next; from !== null;) {
      const piece = await reader.text(2, from);
      expect(Buffer.byteLength(JSON.stringify(piece.text))).toBeLessThanOrEqual(TEXT_PIECE_BYTES + 2);
      pieces.push(piece.text);
      from = piece.next;
    }
    expect(pieces.join('')).toBe(output);
    // The message after the huge line is whole.
    expect((await reader.page(3, 10)).messages[0]!.blocks[0]).toMatchObject({ kind: 'text', text: 'after' });
    await expect(reader.text(2, 0)).rejects.toThrow('message 2 has no cut text at 0');
    await expect(reader.text(3, result.cut!.next)).rejects.toThrow('no cut text');
  });

  it('marks the input of a call in a huge line as a preview', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, []);
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'assistant',
        content: [
          { type: 'tool_use', tool_id: 'w', tool_name: 'write', input: { content: 'y'.repeat(10_000_000) } },
        ],
      }),
    );
    const reader = await new TranscriptReaders(dir).get(ID);
    const call = (await reader.page(0, 1)).messages[0]!.blocks[0]!;
    expect(call).toMatchObject({ kind: 'tool_call', input_cut: true, name: 'write' });
    if (call.kind === 'tool_call') expect(call.input!.length).toBeLessThan(HEAD_BYTES + 100);
  });
});
