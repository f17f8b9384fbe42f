// Markdown HTML -> safe DOM. Transcripts hold whatever models and tools wrote, so everything is
// hostile: only a small allow-list of formatting tags and attributes survives, links keep only
// http(s) targets (opened outside the app), and no image is ever loaded - each becomes a
// placeholder naming its address. The parse happens in DOMPurify's inert document, so nothing
// loads or runs before the allow-list has been applied.
import createDOMPurify, { type Config } from 'dompurify';
import { SAFE_TAGS, VIEWER_TAGS } from '../../../shared/safe-html';

const ALLOWED_TAGS = [...SAFE_TAGS, ...VIEWER_TAGS];

const ALLOWED_ATTR = ['href', 'title', 'alt', 'class', 'align', 'start', 'colspan', 'rowspan', 'open'];

/** Classes content may carry: the code language marked writes, and the renderer's own markers. */
const ALLOWED_CLASS = /^(?:language-[\w+#.-]{1,40}|mdcode-[a-z0-9]{1,32}-\d{1,6})$/;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: /^https?:/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Parse everything as body content: a leading <frameset> would otherwise replace the body.
  FORCE_BODY: true,
  RETURN_DOM_FRAGMENT: true,
};

const purifier = createDOMPurify(window);

// Image addresses, noted before DOMPurify strips src, so that the placeholder can show them.
const imageSources = new WeakMap<Node, string>();

function firstSrcsetUrl(srcset: string | null): string | null {
  const first = srcset?.trim().split(/\s+/)[0];
  return first ? first : null;
}

purifier.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName !== 'img' || node.nodeType !== Node.ELEMENT_NODE) return;
  const img = node as Element;
  imageSources.set(img, img.getAttribute('src') ?? firstSrcsetUrl(img.getAttribute('srcset')) ?? '');
});

/** True for an absolute http: or https: URL, the only links the viewer follows. */
export function isHttpUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

purifier.addHook('afterSanitizeAttributes', (element) => {
  const classes = element.getAttribute('class');
  if (classes !== null) {
    const kept = classes.split(/\s+/).filter((name) => ALLOWED_CLASS.test(name));
    if (kept.length > 0) element.setAttribute('class', kept.join(' '));
    else element.removeAttribute('class');
  }
  if (element.tagName === 'A') {
    const href = element.getAttribute('href');
    if (href !== null && isHttpUrl(href)) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    } else {
      // Relative, fragment, mailto:, javascript: ... all become plain text in a link style.
      element.removeAttribute('href');
    }
  }
});

/** Longest image address a placeholder shows (data: URLs can be megabytes). */
const MAX_SHOWN_URL = 200;

function placeholderFor(img: Element): Element {
  const source = imageSources.get(img) ?? '';
  const doc = img.ownerDocument;
  const placeholder = doc.createElement('span');
  placeholder.className = 'remote-image';
  placeholder.setAttribute('data-testid', 'remote-image');
  placeholder.setAttribute('data-find-skip', '');
  const label = doc.createElement('span');
  label.className = 'remote-image-label';
  label.textContent = 'Image not loaded';
  const url = doc.createElement('span');
  url.className = 'remote-image-url';
  url.textContent =
    source === ''
      ? '(no address)'
      : source.length > MAX_SHOWN_URL
        ? `${source.slice(0, MAX_SHOWN_URL)}…`
        : source;
  placeholder.append(label, url);
  return placeholder;
}

/** Sanitizes `html` (marked's output) and returns it as a fragment owned by `doc`, with every
 * image replaced by a placeholder. `doc` should be a detached document. */
export function sanitizeHtml(html: string, doc: Document): DocumentFragment {
  // Typed as always a fragment, but null when the parsed document has no body to return.
  const fragment =
    (purifier.sanitize(html, CONFIG) as DocumentFragment | null) ?? doc.createDocumentFragment();
  for (const img of Array.from(fragment.querySelectorAll('img'))) img.replaceWith(placeholderFor(img));
  return doc.adoptNode(fragment);
}
