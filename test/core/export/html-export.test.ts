// @vitest-environment jsdom
// The HTML export: self-contained, every transcript string inert, tool output folded, code
// highlighted, checkpoints marked; parsed with jsdom to look at what a browser would build.
import { describe, expect, it } from 'vitest';
import { exportSessionHtml, HTML_EXPORT_CSP } from '../../../src/core/export/html';
import { JsonlStore } from '../../../src/core/store';
import { corpusCopy, fixtureIds } from '../../support/fixtures';
import { hostileSession } from '../../support/html-payloads';

const HOSTILE = '20261124-135052-b415e622ad0f2d67';
const TOOLS = '20261124-135052-d23db7e55539ac33';
const CHECKPOINT = '20260410-080000-00000000000000a7';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Everything in `doc` that could run script or fetch from elsewhere. */
function dangers(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'object',
        'embed',
        'link',
        'base',
        'form',
        'video',
        'audio',
        'svg',
        'math',
      ].includes(tag)
    )
      found.push(tag);
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
      found.push('meta refresh');
    if (tag === 'style' && el.parentElement?.tagName !== 'HEAD') found.push('body style');
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
      if (['href', 'src', 'srcdoc', 'action', 'data', 'poster'].includes(attr.name)) {
        const ok =
          (attr.name === 'href' && /^(https?:|mailto:)/i.test(attr.value)) ||
          (attr.name === 'src' &&
            tag === 'img' &&
            /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/.test(attr.value));
        if (!ok) found.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

describe('HTML export', () => {
  it.each(fixtureIds())('%s is inert and self-contained', async (id) => {
    const store = new JsonlStore(corpusCopy());
    const html = exportSessionHtml(await store.load(id));
    const doc = parse(html);
    expect(dangers(doc)).toEqual([]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      HTML_EXPORT_CSP,
    );
    expect(doc.querySelectorAll('style')).toHaveLength(1);
  });

  it('shows hostile markup as text, in the title too', async () => {
    const store = new JsonlStore(corpusCopy());
    const doc = parse(exportSessionHtml(await store.load(HOSTILE)));
    expect(doc.title).toBe("<img src=x onerror=alert('alpha')> title");
    expect(doc.querySelector('h1')?.textContent).toBe("<img src=x onerror=alert('alpha')> title");
    expect(doc.body.textContent).toContain('<script>window.__pwned=1</script>');
    // The markdown link with a javascript: target keeps its words, loses its target.
    expect(doc.body.textContent).toContain('click me');
    expect(doc.querySelector('.remote-image')?.textContent).toContain('https://evil.example/pixel.png');
  });

  it('keeps every payload inert wherever it stands in the session', () => {
    const doc = parse(exportSessionHtml(hostileSession()));
    expect(dangers(doc)).toEqual([]);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.body.textContent).toContain('window.__pwned=19');
  });

  it('folds tool calls and output in <details>, highlights JSON and fenced code', async () => {
    const store = new JsonlStore(corpusCopy());
    const session = await store.load(TOOLS);
    const doc = parse(exportSessionHtml(session));
    const results = session.messages.flatMap((m) => m.content).filter((b) => b.type === 'tool_result');
    expect(results.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('details.tool-result')).toHaveLength(results.length);
    expect(doc.querySelectorAll('details.tool-result[open]')).toHaveLength(0);
    expect(doc.querySelector('details.tool-call code.language-json .hljs-attr')).not.toBeNull();
    const fenced = parse(
      exportSessionHtml({
        ...session,
        messages: [
          { role: 'assistant', content: [{ type: 'text', text: '```ts\nconst x: number = 1;\n```' }] },
        ],
      }),
    );
    expect(fenced.querySelector('code.language-ts .hljs-keyword')?.textContent).toBe('const');
  });

  it('marks compaction, shows reasoning folded and attached images inline', async () => {
    const store = new JsonlStore(corpusCopy());
    const doc = parse(exportSessionHtml(await store.load(CHECKPOINT)));
    expect(doc.querySelector('.checkpoint')?.textContent).toContain('1,234 tokens');
    expect(doc.querySelector('details.reasoning')?.textContent).toContain('thinking about it');
    expect(doc.querySelector('details.tool-result img')?.getAttribute('src')).toBe(
      'data:image/png;base64,AAAA',
    );
  });

  it('has light and dark colours and a print layout that unfolds details', () => {
    const css = parse(exportSessionHtml(hostileSession())).querySelector('style')?.textContent ?? '';
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toMatch(/@media print[\s\S]*details::details-content/);
  });
});
