import { afterEach, describe, expect, it } from 'vitest';
import { findInScope, queryPattern } from './find-ranges';
import { createHighlighter } from './highlighter';

function scope(html: string): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('data-find-scope', '');
  element.innerHTML = html;
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findInScope', () => {
  it('finds every case-insensitive match, in document order', () => {
    const root = scope('<p>Alpha beta ALPHA</p><pre><code>alpha()</code></pre>');
    const ranges = findInScope(root, queryPattern('alpha')!);
    expect(ranges.map((r) => r.toString())).toEqual(['Alpha', 'ALPHA', 'alpha']);
  });

  it('treats the query literally, not as a pattern', () => {
    const root = scope('<p>a.b axb (x) [y]</p>');
    expect(findInScope(root, queryPattern('a.b')!)).toHaveLength(1);
    expect(findInScope(root, queryPattern('(x)')!)).toHaveLength(1);
    expect(findInScope(root, queryPattern('[y]')!)).toHaveLength(1);
  });

  it('skips the UI labels marked data-find-skip', () => {
    const root = scope(
      '<span data-find-skip="">Tool call</span><code>tool</code><button data-find-skip="">Show all tool</button>',
    );
    expect(findInScope(root, queryPattern('tool')!).map((r) => r.toString())).toEqual(['tool']);
  });

  it('stops at the limit', () => {
    const root = scope(`<p>${'x '.repeat(50)}</p>`);
    expect(findInScope(root, queryPattern('x')!, 10)).toHaveLength(10);
  });

  it('has no pattern for an empty query', () => {
    expect(queryPattern('')).toBeNull();
  });
});

describe('mark highlighter (no CSS Highlight API in jsdom)', () => {
  it('wraps matches in marks, stresses the current one, and restores the text exactly', () => {
    const root = scope('<p>one two one</p><p>done</p>');
    const before = root.innerHTML;
    const highlighter = createHighlighter(document);
    expect(highlighter.mutatesDom).toBe(true);
    const current = highlighter.show(findInScope(root, queryPattern('one')!), 1);
    const marks = root.querySelectorAll('mark.find-match');
    expect(Array.from(marks, (m) => m.textContent)).toEqual(['one', 'one', 'one']);
    expect(current).toBe(marks[1]);
    expect(marks[1]!.classList.contains('find-current')).toBe(true);
    expect(root.textContent).toBe('one two onedone');
    highlighter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
  });
});
