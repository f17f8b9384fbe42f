// Removes inline event-handler attributes (onerror=, onload=, ...) from HTML without a browser
// parser. Chromium reports a CSP violation for every such attribute it parses, even in
// DOMPurify's inert document, so hostile Markdown would flood the console and the page's
// securitypolicyviolation events although nothing runs. parse5 parses exactly as browsers do,
// so the attributes it drops are the ones the browser would have seen. This is not the sanitizer:
// DOMPurify still checks everything afterwards.
import {
  defaultTreeAdapter,
  parse,
  serialize,
  type DefaultTreeAdapterMap,
  type Token,
  type TreeAdapter,
} from 'parse5';

const isHandler = (attr: Token.Attribute) => /^on/i.test(attr.name);

const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  createElement: (tagName, namespaceURI, attrs) =>
    defaultTreeAdapter.createElement(
      tagName,
      namespaceURI,
      attrs.filter((a) => !isHandler(a)),
    ),
  // Attributes of a second <html> or <body> tag are merged into the first one.
  adoptAttributes: (recipient, attrs) =>
    defaultTreeAdapter.adoptAttributes(
      recipient,
      attrs.filter((a) => !isHandler(a)),
    ),
};

/** `html` (body content) with every on* attribute removed, serialized again. */
export function stripEventHandlers(html: string): string {
  // Parsed as body content with scripting disabled, as DOMPurify's DOMParser will parse it.
  const document = parse(`<!DOCTYPE html><body>${html}`, { treeAdapter: adapter, scriptingEnabled: false });
  const root = document.childNodes.find((node) => node.nodeName === 'html');
  const body =
    root && 'childNodes' in root ? root.childNodes.find((node) => node.nodeName === 'body') : undefined;
  return body && 'childNodes' in body ? serialize(body, { treeAdapter: adapter }) : '';
}
