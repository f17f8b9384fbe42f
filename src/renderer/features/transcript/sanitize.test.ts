// The XSS corpus: each vector goes through the whole pipeline of a text block (marked ->
// DOMPurify -> serialized HTML -> parsed again by the live document, as React inserts it).
import { afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../../test-support/transcripts';
import { isHttpUrl } from './sanitize';
import { renderTextHtml } from './text-html';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const VECTORS: [name: string, markdown: string][] = [
  ['script element', '<script>window.__pwned=1</script>'],
  ['img onerror', '<img src=x onerror="window.__pwned=2">'],
  ['svg onload', '<svg onload="window.__pwned=3"><circle r=1></svg>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['object data: html', '<object data="data:text/html,<script>window.__pwned=1</script>"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  [
    'form, input, formaction',
    '<form action="https://evil.example"><input name=q><button formaction="javascript:alert(1)">go</button></form>',
  ],
  ['markdown javascript: link', '[x](javascript:window.__pwned=9)'],
  ['mixed-case JaVaScRiPt: link', '[x](JaVaScRiPt:window.__pwned=10)'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">v</a>'],
  [
    'entity-encoded javascript:',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">e</a>',
  ],
  ['tab inside javascript:', '<a href="java&#x09;script:alert(1)">tab</a>'],
  ['leading space javascript:', '<a href=" javascript:alert(1)">space</a>'],
  ['markdown entity javascript:', '[e](&#x6A;avascript:alert(1))'],
  ['style element', '<style>body{display:none}</style>'],
  ['link stylesheet', '<link rel=stylesheet href="https://evil.example/x.css">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['base href', '<base href="https://evil.example/">'],
  ['srcset with remote', '<img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x">'],
  ['remote img', '<img src="https://evil.example/pixel.png">'],
  ['markdown image', '![x](http://evil.example/md.png)'],
  ['details ontoggle', '<details open ontoggle="window.__pwned=23">d</details>'],
  ['math mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=24>'],
  ['template', '<template><script>window.__pwned=25</script></template>'],
  ['noscript attribute trick', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=26>">'],
  ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['style attribute url()', '<div style="background:url(https://evil.example/bg.png)">bg</div>'],
  [
    'video poster and source',
    '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video>',
  ],
  [
    'picture source',
    '<picture><source srcset="https://evil.example/p.webp"><img src="https://evil.example/p.png"></picture>',
  ],
  ['input type=image', '<input type="image" src="https://evil.example/i.png">'],
  ['table background', '<table background="https://evil.example/t.png"><tr><td>t</td></tr></table>'],
  ['onclick on an allowed link', '<a href="https://ok.example/" onclick="window.__pwned=33">ok</a>'],
  ['protocol-relative link', '<a href="//evil.example/x">rel</a>'],
  [
    'form/math namespace confusion',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__pwned=35>',
  ],
  ['svg style img', '<svg><style><img src=x onerror=window.__pwned=36></style></svg>'],
  ['body onload', '<body onload="window.__pwned=37">'],
  ['marquee onstart', '<marquee onstart="window.__pwned=38">m</marquee>'],
  ['svg as data: image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['fake show-all button', '<button data-testid="show-all" data-expand="b0">fake</button>'],
  ['DOM clobbering id and name', '<p id="root" name="api">clobber</p><img name="getElementById">'],
  ['mailto link', '<a href="mailto:x@example.com">m</a>'],
  ['isindex', '<isindex action=javascript:alert(1) type=image>'],
  ['frameset', '<frameset onload=window.__pwned=47>'],
  ['audio', '<audio src="https://evil.example/a.mp3" autoplay></audio>'],
  ['hostile link target', '<a href="https://evil.example" target="_self" rel="opener">t</a>'],
  ['code fence with html', '```html\n<script>window.__pwned=50</script>\n```'],
  ['inline code with html', '`<img src=x onerror=window.__pwned=51>`'],
];

const FORBIDDEN_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'textarea',
  'select',
  'button',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'img',
  'video',
  'audio',
  'source',
  'picture',
  'marquee',
  'isindex',
  'body',
  'applet',
  'portal',
  'image',
  'use',
];

const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'srcdoc',
  'action',
  'formaction',
  'background',
  'poster',
  'data',
  'xlink:href',
  'style',
  'id',
  'name',
];

const OUR_TEST_IDS = ['remote-image', 'tool-call', 'tool-result', 'show-all'];

function render(markdown: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderTextHtml(markdown);
  document.body.append(container);
  return container;
}

/** Every way the rendered DOM could run code or load something. */
function dangers(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const tag of FORBIDDEN_TAGS) if (root.querySelector(tag)) found.push(`<${tag}>`);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(element.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
      if (URL_ATTRIBUTES.includes(name)) found.push(`${name} on <${element.localName}>`);
      if (name === 'data-testid' && !OUR_TEST_IDS.includes(attr.value))
        found.push(`data-testid=${attr.value}`);
    }
    const href = element.getAttribute('href');
    if (href !== null) {
      if (element.localName !== 'a' || !isHttpUrl(href)) found.push(`href=${href}`);
      if (element.getAttribute('target') !== '_blank') found.push(`target=${element.getAttribute('target')}`);
      if (element.getAttribute('rel') !== 'noopener noreferrer')
        found.push(`rel=${element.getAttribute('rel')}`);
    }
  }
  return found;
}

afterEach(() => {
  document.body.innerHTML = '';
  delete window.__pwned;
});

describe('sanitizing the XSS corpus', () => {
  it('has at least 25 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(VECTORS)('%s: nothing dangerous survives', (_name, markdown) => {
    const root = render(markdown);
    expect(dangers(root)).toEqual([]);
    expect(window.__pwned).toBeUndefined();
  });

  it('replaces a Markdown image by a placeholder naming its address', () => {
    const placeholders = render('![x](http://evil.example/md.png)').querySelectorAll(
      '[data-testid="remote-image"]',
    );
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0]!.textContent).toContain('http://evil.example/md.png');
  });

  it.each([
    '<img src="https://evil.example/pixel.png">',
    '<img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x">',
    '<picture><source srcset="https://evil.example/p.webp"><img src="https://evil.example/p.png"></picture>',
    '<script>window.__pwned=1</script>',
  ])('shows raw HTML %s as the text it is, loading nothing', (markdown) => {
    const root = render(markdown);
    expect(root.querySelector('img, picture, source, script, [data-testid="remote-image"]')).toBeNull();
    expect(root.textContent).toContain(markdown);
  });

  it('keeps http(s) links, opened outside the app, and their text', () => {
    const root = render('[docs](https://docs.example/a?b=1) and <http://plain.example>');
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://docs.example/a?b=1',
      'http://plain.example',
    ]);
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).toBe(true);
  });

  it('keeps the text of links it makes inert', () => {
    const root = render('[click me](javascript:alert(1))');
    const link = root.querySelector('a')!;
    expect(link.hasAttribute('href')).toBe(false);
    expect(link.textContent).toBe('click me');
  });

  it('shows code containing HTML as text', () => {
    const root = render('```html\n<script>window.__pwned=50</script>\n```');
    expect(root.querySelector('pre code')!.textContent).toBe('<script>window.__pwned=50</script>');
  });

  it('renders the hostile fixture session safely, showing its remote image as a placeholder', () => {
    const container = document.createElement('div');
    container.innerHTML = HOSTILE_TEXTS.map((text) => renderTextHtml(text)).join('');
    document.body.append(container);
    expect(dangers(container)).toEqual([]);
    const placeholders = Array.from(
      container.querySelectorAll('[data-testid="remote-image"]'),
      (p) => p.textContent,
    );
    expect(placeholders).toEqual(['Image not loadedhttps://evil.example/pixel.png']);
    expect(container.textContent).toContain('<script>window.__pwned=1</script>');
    expect(container.textContent).toContain('click me');
    expect(window.__pwned).toBeUndefined();
  });
});
