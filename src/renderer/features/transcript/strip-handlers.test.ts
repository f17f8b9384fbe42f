import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOSTILE_GOLDEN_MESSAGES, messageMarkdown } from '../../test-support/transcripts';
import { renderMessageBody } from './render-message';
import { stripEventHandlers } from './strip-handlers';

/** Names of every on* attribute in `html` as a browser parses it. */
function handlerAttributes(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('*')).flatMap((element) =>
    Array.from(element.attributes, (a) => a.name).filter((name) => /^on/i.test(name)),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stripEventHandlers', () => {
  it('removes on* attributes in every namespace, including merged <html> and <body> tags', () => {
    const html = stripEventHandlers(
      '<img src=x OnError=a()><svg onload=b()><a onclick=c()>s</a></svg><math><mi onmouseover=d()>m</mi></math>' +
        '<body onload=e()><html onpageshow=f()><img/src/onerror=g()>',
    );
    expect(handlerAttributes(html)).toEqual([]);
    expect(html).toContain('<img src="x">');
    expect(html).toContain('<svg><a>s</a></svg>');
  });

  it('leaves text that merely mentions a handler alone', () => {
    expect(stripEventHandlers('<p>set onclick="go()" on the button</p>')).toBe(
      '<p>set onclick="go()" on the button</p>',
    );
  });

  it('means the browser parser behind DOMPurify never sees a handler attribute', () => {
    const parsed: string[] = [];
    const original = DOMParser.prototype.parseFromString;
    vi.spyOn(DOMParser.prototype, 'parseFromString').mockImplementation(function (
      this: DOMParser,
      text,
      type,
    ) {
      parsed.push(text);
      return original.call(this, text, type);
    });
    for (const md of HOSTILE_GOLDEN_MESSAGES) renderMessageBody(md);
    renderMessageBody(
      messageMarkdown('assistant', [
        { type: 'text', text: '<details open ontoggle=x()>d</details> <b onmouseover=y()>b</b>' },
      ]),
    );
    expect(parsed.length).toBeGreaterThan(0);
    vi.restoreAllMocks();
    expect(parsed.flatMap(handlerAttributes)).toEqual([]);
  });
});
