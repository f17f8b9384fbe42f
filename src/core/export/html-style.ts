// The stylesheet of the HTML export, inlined in its <style>: the file is opened on its own, away
// from the app, so it carries its look with it. Light and dark follow prefers-color-scheme;
// print shows everything, folded tool output included.

/** The export's CSS. */
export const HTML_EXPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --user: #0969da; --assistant: #1a7f37; --error: #cf222e; --link: #0969da;
  --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-number: #0550ae; --hl-comment: #59636e;
  --hl-title: #8250df; --hl-attr: #953800; --hl-meta: #1f2328;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --user: #4493f8; --assistant: #3fb950; --error: #f85149; --link: #4493f8;
    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #9198a1;
    --hl-title: #d2a8ff; --hl-attr: #ffa657; --hl-meta: #e6edf3;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6em; margin: 0 0 8px; overflow-wrap: anywhere; }
a { color: var(--link); }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; color: var(--muted); font-size: 0.9em; }
.facts div { display: flex; gap: 6px; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.message { border-top: 1px solid var(--border); padding: 14px 0 6px; }
.message > h2 { font-size: 1em; margin: 0 0 6px; text-transform: uppercase; letter-spacing: 0.04em; }
.role-user > h2 { color: var(--user); }
.role-assistant > h2 { color: var(--assistant); }
.time { color: var(--muted); font-weight: normal; text-transform: none; margin-left: 8px; }
.text { overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px;
  overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.88em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
:not(pre) > code { background: var(--panel); padding: 1px 4px; border-radius: 4px; }
details { border: 1px solid var(--border); border-radius: 6px; margin: 8px 0; padding: 4px 10px; }
details > summary { cursor: pointer; color: var(--muted); font-size: 0.9em; }
details.error { border-color: var(--error); }
details.error > summary { color: var(--error); }
.reasoning .plain { white-space: pre-wrap; color: var(--muted); overflow-wrap: anywhere; }
.checkpoint { text-align: center; color: var(--muted); font-size: 0.85em; margin: 10px 0;
  border-top: 1px dashed var(--border); padding-top: 6px; }
.remote-image { color: var(--muted); font-style: italic; overflow-wrap: anywhere; }
img.attached { max-width: 100%; height: auto; border: 1px solid var(--border); border-radius: 4px; display: block; margin: 6px 0; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--border); padding: 3px 8px; }
blockquote { margin: 0; padding-left: 12px; border-left: 3px solid var(--border); color: var(--muted); }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-literal, .hljs-type { color: var(--hl-keyword); }
.hljs-string, .hljs-regexp, .hljs-symbol { color: var(--hl-string); }
.hljs-number, .hljs-variable, .hljs-template-variable { color: var(--hl-number); }
.hljs-comment, .hljs-quote { color: var(--hl-comment); font-style: italic; }
.hljs-title, .hljs-section, .hljs-name { color: var(--hl-title); }
.hljs-attr, .hljs-attribute, .hljs-property, .hljs-params { color: var(--hl-attr); }
.hljs-meta, .hljs-punctuation { color: var(--hl-meta); }
.hljs-addition { color: var(--assistant); } .hljs-deletion { color: var(--error); }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --panel: #ffffff; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: block; }
  details:not([open]) > :not(summary) { display: block; }
  .message { break-inside: auto; } pre { break-inside: auto; white-space: pre-wrap; }
  a { color: inherit; }
}
`;
