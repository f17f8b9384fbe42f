// The lost-text corpus: raw HTML in a text block is shown as the text it is, in every state of
// marked's tokenizer (after <code>, <kbd>, <pre>, <script>, inside links, as block HTML of every
// kind CommonMark knows), so no text goes missing and no element is made from it; plus the caps
// that keep huge texts from stalling the page.
import { afterEach, describe, expect, it } from 'vitest';
import { TEXT_RENDER_CAP, MARKDOWN_MAX, WHOLE_TEXT, renderTextHtml } from './text-html';

function render(markdown: string, expanded: ReadonlySet<string> = new Set()): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = renderTextHtml(markdown, expanded);
  document.body.append(root);
  return root;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const tags = (root: Element) =>
  [...new Set(Array.from(root.querySelectorAll('*'), (e) => e.localName))].sort();

afterEach(() => {
  document.body.innerHTML = '';
});

/** The tags whose opening marked treats specially inline: they switch its raw-block state. */
const RAW_BLOCK_TAGS = ['pre', 'code', 'kbd', 'script', 'PRE', 'Code', 'KBD', 'Script'];

/** Every tag that starts a CommonMark HTML block (conditions 1 and 6), and a custom one (7). */
const BLOCK_TAGS = [
  'script',
  'pre',
  'style',
  'textarea',
  'address',
  'article',
  'aside',
  'base',
  'basefont',
  'blockquote',
  'body',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'legend',
  'li',
  'link',
  'main',
  'menu',
  'menuitem',
  'meta',
  'nav',
  'noframes',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul',
  'custom-element',
  'a',
  'img',
  'b',
  'span',
];

describe('raw HTML is text in every tokenizer state', () => {
  it.each([
    ['code with comparisons', 'Use <code>if (a<b && c>d)</code> here, and **this** stays bold only here'],
    ['script with a comparison', 'x <script>if(a<b){}</script> y and everything after'],
    ['kbd then a tag', 'Press <kbd>Ctrl</kbd> then <b>not bold</b> text'],
    ['pre inline', 'see <pre>a<b</pre> end'],
    ['details after code', 'before <code>x</code> <details open><summary>s</summary>hidden</details> after'],
    ['an unclosed code', 'start <code>never closed <i>not italic</i> and more text'],
    ['a link then tags', '<a href="https://x.example">x</a> then <b>b</b> <script>s</script>'],
    ['comment', 'a <!-- hidden? --> b <!-- unclosed'],
    ['processing instruction and cdata', 'a <?php echo 1; ?> b <![CDATA[ c ]]> d'],
  ])('%s: every character is shown and no element is made', (_name, text) => {
    const root = render(text);
    const plain = text.replace(/\*\*this\*\*/, 'this');
    expect(squash(root.textContent!)).toBe(squash(plain));
    expect(tags(root).filter((t) => !['p', 'strong'].includes(t))).toEqual([]);
  });

  it.each(RAW_BLOCK_TAGS)('after inline <%s> the rest of the text is escaped', (tag) => {
    const text = `x <${tag}>a<b && c>d</${tag}> y <em>z</em> *w*`;
    const root = render(text);
    expect(squash(root.textContent!)).toBe(squash(text.replace('*w*', 'w')));
    // Only Markdown's own emphasis (*w*) makes an element.
    expect(tags(root)).toEqual(['em', 'p']);
    expect(root.querySelector('em')!.textContent).toBe('w');
  });

  it.each(BLOCK_TAGS)('a block of <%s> is shown as its lines, and Markdown after it still works', (tag) => {
    const text = `<${tag} open class="x">\nline one <b>not bold</b>\n</${tag}>\n\nafter *em*`;
    const root = render(text);
    for (const part of [`<${tag} open class="x">`, 'line one <b>not bold</b>', `</${tag}>`, 'after em']) {
      expect(root.textContent).toContain(part);
    }
    expect(tags(root).filter((t) => !['p', 'br', 'em'].includes(t))).toEqual([]);
  });

  it('keeps the HTML of a comment block and a declaration as text', () => {
    for (const text of [
      '<!--\ncomment <b>x</b>\n-->',
      '<!DOCTYPE html>',
      '<![CDATA[\n<b>x</b>\n]]>',
      '<?xml x?>',
    ]) {
      const root = render(text);
      expect(squash(root.textContent!)).toBe(squash(text));
      expect(tags(root).filter((t) => !['p', 'br'].includes(t))).toEqual([]);
    }
  });
});

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');

describe('long texts', () => {
  it('collapses long code blocks, each with its own key', () => {
    const text = `\`\`\`\n${lines(40)}\n\`\`\`\n\nshort:\n\n\`\`\`\nok\n\`\`\`\n\n\`\`\`\n${'x'.repeat(5000)}\n\`\`\``;
    const root = render(text);
    const buttons = Array.from(root.querySelectorAll('[data-testid="show-all"]'));
    expect(buttons.map((b) => b.getAttribute('data-expand'))).toEqual(['c0', 'c2']);
    expect(buttons.map((b) => b.textContent)).toEqual(['Show all (40 lines)', 'Show all (1 line)']);
    const once = render(text, new Set(['c0']));
    expect(once.querySelectorAll('[data-testid="show-all"]')).toHaveLength(1);
    expect(once.querySelector('pre')!.textContent).toBe(lines(40));
  });

  it('renders only the start of a huge text until it is expanded', () => {
    const paragraph = 'word '.repeat(40).trim();
    const text = Array.from({ length: 600 }, (_, i) => `${i}: ${paragraph}`).join('\n\n');
    expect(text.length).toBeGreaterThan(TEXT_RENDER_CAP);
    const root = render(text);
    expect(root.textContent!.length).toBeLessThanOrEqual(TEXT_RENDER_CAP);
    expect(root.querySelector('[data-testid="show-all"]')?.getAttribute('data-expand')).toBe(WHOLE_TEXT);
    expect(render(text, new Set([WHOLE_TEXT])).querySelectorAll('p')).toHaveLength(600);
  });

  it('shows an expanded multi-megabyte text as plain text instead of running marked on it', () => {
    const text = `**not bold** ${'y'.repeat(MARKDOWN_MAX)}`;
    const root = render(text, new Set([WHOLE_TEXT]));
    expect(root.querySelector('strong')).toBeNull();
    expect(root.querySelector('pre.plain-text')?.textContent?.startsWith('**not bold**')).toBe(true);
  });
});
