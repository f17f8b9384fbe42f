import { describe, expect, it } from 'vitest';
import { parseQuery, toFtsMatch } from './query';
import { snippetFor } from './snippet';

/** The snippet with its highlights in [brackets], to read at a glance. */
function marked(text: string, query: string): string {
  const s = snippetFor(text, parseQuery(query, false));
  let out = s.text;
  for (const [a, b] of [...s.highlights].reverse())
    out = `${out.slice(0, a)}[${out.slice(a, b)}]${out.slice(b)}`;
  return out;
}

describe('snippets are plain text', () => {
  it('leaves out headings, emphasis, code marks, quotes and bullets, keeping the highlights on the words', () => {
    const text =
      '### The **parser** fails\n> quoted `parse()` call\n- a __bold__ *item* and ~~gone~~ text\n\n---\nend';
    expect(marked(text, 'parser parse item')).toBe(
      'The [parser] fails quoted [parse]() call a bold [item] and gone text end',
    );
  });

  it('keeps underscores and stars that are not emphasis', () => {
    expect(marked('call page_200 then a * b and snake_case_name', 'page_200')).toBe(
      'call [page_200] then a * b and snake_case_name',
    );
    expect(marked('glob *.ts only', 'glob')).toBe('[glob] *.ts only');
  });

  it('keeps marks between two letters, which would otherwise join two words into one', () => {
    expect(marked('read parser*Zoë"v2*cache now', 'zoë')).toBe('read parser*[Zoë]"v2*cache now');
    expect(marked('keys**parsed** and a`b`c', 'parsed')).toBe('keys**[parsed]** and a`b`c');
    expect(marked('a `code` b', 'code')).toBe('a [code] b');
  });

  it('keeps what is inside a code span as it is', () => {
    expect(marked('run `__init__ **x**` now', 'run')).toBe('[run] __init__ **x** now');
  });
});

describe('identifiers typed unquoted match whole', () => {
  it.each([
    ['page_200', ['page', '200']],
    ['strutil.Reverse', ['strutil', 'reverse']],
    ['src/main.ts', ['src', 'main', 'ts']],
    ['user-id', ['user', 'id']],
  ])('%s is one phrase', (typed, words) => {
    const q = parseQuery(typed);
    expect(q.terms).toEqual([]);
    expect(q.phrases.map((p) => p.map((w) => w.word))).toEqual([words]);
    expect(toFtsMatch(q)).toBe(`"${typed.replace(/[_./-]/g, ' ')}"`);
  });

  it('highlights the identifier whole, not its parts elsewhere', () => {
    expect(marked('page 1 of 200; see page_200', 'page_200')).toBe('page 1 of 200; see [page_200]');
  });

  it('still finds a lone word anywhere, and a last word being typed as a prefix', () => {
    const q = parseQuery('page pars');
    expect(q.terms.map((t) => [t.word, t.prefix])).toEqual([
      ['page', false],
      ['pars', true],
    ]);
  });
});
