import { describe, expect, it } from 'vitest';
import { transcript, message } from '../../test-support/transcripts';
import { FindCorpus } from './find-corpus';
import { FindRun, type FindMatch, type FindProgress } from './find-engine';
import { messageSections } from './find-sections';
import { eachMatch } from './find-matcher';

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
    () => Promise.reject(new Error('nothing is cut here')),
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

describe('the rest of a cut string', () => {
  // The rest, served in pieces of 7 characters: matches run across the cuts.
  const head = 'a quokka at the head, then quok';
  const rest = `ka and ${'quokka '.repeat(5)}QUOKKA${'x'.repeat(40)}qu`.concat('okka');
  const cutPage = transcript('s', [
    message('assistant', [{ type: 'tool_use', name: 'bash', id: 'c', input: '{"command":"cat"}' }]),
    message('user', [{ type: 'tool_result', id: 'c', output: head }]),
    message('user', [{ type: 'text', text: 'quokka after' }]),
  ]);
  const result = cutPage.messages[1]!.blocks[0]!;
  if (result.kind === 'tool_result') result.cut = { next: 1000, stored_bytes: head.length + rest.length };

  /** A corpus of `cutPage` whose pieces come when `release()` is called (one each). */
  function cutCorpus() {
    const waiting: (() => void)[] = [];
    const asked: [number, number][] = [];
    const c = new FindCorpus(
      async (from, to) => ({ ...cutPage, messages: cutPage.messages.slice(from, to) }),
      () => cutPage.total,
      (message, from) => {
        asked.push([message, from]);
        const at = from - 1000;
        return new Promise((resolve) =>
          waiting.push(() =>
            resolve({ text: rest.slice(at, at + 7), next: at + 7 < rest.length ? from + 7 : null }),
          ),
        );
      },
    );
    const release = () => new Promise((resolve) => setTimeout(resolve, 5)).then(() => waiting.shift()?.());
    return { c, asked, release };
  }

  it('counts its matches with the rest (across the cuts), as a search of the whole string does, and only then says done', async () => {
    const { c, asked, release } = cutCorpus();
    const reports: FindProgress[] = [];
    let run: FindRun | undefined;
    const finished = new Promise<void>((resolve) => {
      run = new FindRun(c, 'quokka', false, (progress) => {
        reports.push(progress);
        if (progress.done) resolve();
      });
    });
    for (let i = 0; i < 20 && !reports.at(-1)?.done; i++) await release();
    await finished;
    // Pieces are fetched one after another, each from where the one before said.
    expect(asked.map(([message]) => message)).toEqual(Array(Math.ceil(rest.length / 7)).fill(1));
    expect(asked.map(([, from]) => from)).toEqual(asked.map((_, i) => 1000 + 7 * i));
    let whole = 0;
    eachMatch(head + rest + '\n' + 'quokka after', /quokka/gi, () => whole++);
    expect(reports.at(-1)).toEqual({ count: whole, done: true });
    expect(reports.slice(0, -1).every((r) => !r.done)).toBe(true);
    // The head's match across the cut is not one of the head's (its text ends with "quok").
    const matches: FindMatch[] = [];
    for (let i = 0; run!.match(i); i++) matches.push(run!.match(i)!);
    const keys = matches.map((m) => c.sectionsOf(m.message)[m.section]!.key);
    // The match from the head into the rest is the head's.
    expect(keys).toEqual([
      '1.0.output',
      '1.0.output',
      ...Array(whole - 3).fill('1.0.output.rest'),
      '2.0.text',
    ]);
    expect(head.slice(matches[1]!.start)).toBe('quok');
    expect(matches[1]!.end - matches[1]!.start).toBe(6);
    // Each rest match is where its part says: the part's text at [start, end).
    for (const m of matches.filter((m) => m.piece)) {
      const at = m.piece!.from - 1000;
      expect(m.piece!.part).toBe(at / 7);
      expect(rest.slice(at + m.start, at + m.end).toLowerCase()).toBe('quokka');
    }
  });

  it('is searched again by a run that narrows the one before', async () => {
    const { c, release } = cutCorpus();
    const first = search(c, 'quo');
    for (let i = 0; i < 20; i++) await release();
    const short = await first;
    const narrowed = search(c, 'quokka q', false, short.run);
    for (let i = 0; i < 20; i++) await release();
    const { matches } = await narrowed;
    const fresh = cutCorpus();
    const again = search(fresh.c, 'quokka q');
    for (let i = 0; i < 20; i++) await fresh.release();
    expect(matches).toEqual((await again).matches);
    let whole = 0;
    eachMatch(head + rest, /quokka q/gi, () => whole++);
    expect(matches.filter((m) => m.piece)).toHaveLength(whole);
  });
});
