import { describe, expect, it } from 'vitest';
import { transcript, message } from '../../test-support/transcripts';
import { FindCorpus } from './find-corpus';
import { FindRun, type FindMatch, type FindProgress } from './find-engine';
import { messageSections } from './find-sections';

const page = transcript('s', [
  message('user', [{ type: 'text', text: 'Find the Quokka, then the quokka again' }]),
  message('assistant', [
    { type: 'reasoning', text: 'a quokka in my thoughts' },
    { type: 'tool_use', name: 'bash', id: 'c', input: '{"command":"grep -r quokka ."}' },
    { type: 'tool_use', name: 'lookup', id: 'd', input: '{"animal":"QUOKKA","n":1}' },
  ]),
  message('user', [
    { type: 'tool_result', id: 'c', output: `${'line\n'.repeat(100)}the quokka at line 101` },
    { type: 'tool_result', id: 'd', output: 'no' },
  ]),
  message('user', [{ type: 'tool_result', id: 'x', output: 'stray quokka' }]),
]);

function corpus() {
  return new FindCorpus(
    async (from, to) => ({ ...page, messages: page.messages.slice(from, to) }),
    () => page.total,
  );
}

/** Runs find to the end; resolves with the matches and the progress reports. */
function search(c: FindCorpus, query: string, caseSensitive = false, previous?: FindRun) {
  return new Promise<{ run: FindRun; matches: FindMatch[]; reports: FindProgress[] }>((resolve) => {
    const reports: FindProgress[] = [];
    const run: FindRun = new FindRun(
      c,
      query,
      caseSensitive,
      (progress) => {
        reports.push(progress);
        if (!progress.done) return;
        const matches: FindMatch[] = [];
        for (let i = 0; run.match(i); i++) matches.push(run.match(i)!);
        resolve({ run, matches, reports });
      },
      previous,
    );
  });
}

describe('find sections', () => {
  it('searches a call with its result, in drawing order, and a stray result on its own', () => {
    const [, calls, results, stray] = page.messages;
    const at = (i: number) => page.messages[i];
    expect(messageSections(calls!, at).map((s) => s.key)).toEqual([
      '1.0.thinking',
      '1.1.name',
      '1.1.command',
      '2.0.output',
      '1.2.name',
      '1.2.input',
      '2.1.output',
    ]);
    expect(messageSections(results!, at)).toEqual([]);
    expect(messageSections(stray!, at).map((s) => s.text)).toEqual(['stray quokka']);
    expect(messageSections(calls!, at)[5]!.text).toBe('{\n  "animal": "QUOKKA",\n  "n": 1\n}');
  });
});

describe('FindRun', () => {
  it('counts every match of the data, case folded or not, and says when the count is final', async () => {
    const all = await search(corpus(), 'quokka');
    // Text 2, reasoning 1, command 1, collapsed output 1, input 1, stray 1.
    expect(all.matches).toHaveLength(7);
    expect(all.reports.at(-1)).toEqual({ count: 7, done: true });
    expect(all.reports.slice(0, -1).every((r) => !r.done)).toBe(true);
    expect(all.matches.map((m) => m.message)).toEqual([0, 0, 1, 1, 1, 1, 3]);
    const cased = await search(corpus(), 'quokka', true);
    expect(cased.matches).toHaveLength(5);
  });

  it('typing on narrows the last run and finds exactly what a new run finds', async () => {
    const c = corpus();
    const short = await search(c, 'quo');
    const narrowed = await search(c, 'quokka a', false, short.run);
    const fresh = await search(corpus(), 'quokka a');
    expect(narrowed.matches).toEqual(fresh.matches);
    expect(fresh.matches).toHaveLength(2);
  });
});

describe('checkpoint summaries', () => {
  const summary = (text: string) => ({ role: 'user', content: [{ type: 'text', text }] });
  const checkpoints = [
    { after_messages: 1, messages: [summary('the quokka so far'), summary('and one more quokka')] },
    { after_messages: 4, messages: [summary('a last quokka')] },
    { after_messages: 2, messages: [] },
  ];

  it('are searched where they are drawn: before their message, the last ones after the last', async () => {
    const c = corpus();
    c.setCheckpoints(checkpoints as never);
    const all = await search(c, 'quokka');
    expect(all.matches).toHaveLength(10);
    const sections = (m: FindMatch) => c.sectionsOf(m.message)[m.section]!.key;
    expect(all.matches.map(sections).filter((k) => k.startsWith('cp'))).toEqual([
      'cp1.0.0',
      'cp1.0.1',
      'cp4.0.0',
    ]);
    expect(all.matches.map((m) => m.message)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 3, 3]);
  });
});
