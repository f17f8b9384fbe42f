// The HTML export: one self-contained file (inline styles, no script, nothing fetched; a CSP meta
// says so to the browser too), readable with scripts off, code highlighted, tool calls and their
// output folded in <details>, print-friendly, light and dark. Every piece of transcript text is
// escaped or goes through markdownHtml's sanitizer.
import { ggcodeSessionUsage } from '../../shared/session-usage';
import type { ContentBlock, Message, Session } from '../../shared/types';
import { formatToSecond } from '../../shared/gotime';
import { rawInputText } from '../raw';
import { escapeHtml } from './escape-html';
import { highlightedCode, markdownHtml } from './html-markdown';
import { HTML_EXPORT_CSS } from './html-style';

/** What the page may do: nothing but its own inline style and embedded images. */
export const HTML_EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

const ROLE_HEADINGS: Record<string, string> = { user: 'User', assistant: 'Assistant', system: 'System' };
const IMAGE_MIME = /^image\/(?:png|jpeg|gif|webp)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const count = (n: number) => n.toLocaleString('en-US');

/** An embedded image, when its type is a plain raster one and its data is base64. */
function imageHtml(mime: unknown, data: unknown): string {
  if (typeof mime !== 'string' || typeof data !== 'string' || !IMAGE_MIME.test(mime) || !BASE64.test(data))
    return '';
  return `<img class="attached" alt="attached image" src="data:${mime};base64,${data}">`;
}

function lineCount(text: string): string {
  const lines = text === '' ? 0 : text.split('\n').length;
  return `${count(lines)} line${lines === 1 ? '' : 's'}`;
}

function blockHtml(b: ContentBlock): string {
  switch (b.type) {
    case 'text': {
      let out = '';
      if (typeof b.reasoning_content === 'string' && b.reasoning_content !== '')
        out += `<details class="reasoning"><summary>Reasoning</summary><div class="plain">${escapeHtml(b.reasoning_content)}</div></details>\n`;
      return out + `<div class="text">${markdownHtml(b.text ?? '')}</div>\n`;
    }
    case 'tool_use': {
      const name = `<code>${escapeHtml(b.tool_name ?? '')}</code>`;
      if (b.input === undefined) return `<p class="tool-call">Tool call ${name}</p>\n`;
      const input = highlightedCode(rawInputText(b), 'json');
      return `<details class="tool-call" open><summary>Tool call ${name}</summary><pre><code class="hljs language-json">${input}</code></pre></details>\n`;
    }
    case 'tool_result': {
      const output = b.output ?? '';
      const error = b.is_error === true;
      const images = (Array.isArray(b.images) ? b.images : [])
        .map((i) => imageHtml(i?.mime, i?.data))
        .join('');
      return (
        `<details class="tool-result${error ? ' error' : ''}"><summary>Tool result${error ? ' (error)' : ''} · ${lineCount(output)}</summary>` +
        `<pre><code>${escapeHtml(output)}</code></pre>${images}</details>\n`
      );
    }
    case 'image':
      return imageHtml(b.image_mime, b.image_data);
    default:
      return '';
  }
}

function messageHtml(m: Message): string {
  const role = ROLE_HEADINGS[m.role] ?? m.role;
  const roleClass = /^[a-z]{1,20}$/.test(m.role) ? ` role-${m.role}` : '';
  const time = m.timestamp ? `<span class="time">${escapeHtml(formatToSecond(m.timestamp))}</span>` : '';
  return `<article class="message${roleClass}"><h2>${escapeHtml(role)}${time}</h2>\n${m.content.map(blockHtml).join('')}</article>\n`;
}

function factsHtml(s: Session): string {
  const facts: [string, string][] = [
    ['Session', s.id],
    ['Created', formatToSecond(s.created_at)],
    ['Updated', formatToSecond(s.updated_at)],
  ];
  const vendor = [s.vendor, s.endpoint, s.model].filter((x) => x !== '');
  if (s.vendor !== '') facts.push(['Vendor', vendor.join(' / ')]);
  else if (s.model !== '') facts.push(['Model', s.model]);
  if (s.workspace) facts.push(['Folder', s.workspace]);
  facts.push(['Messages', count(s.messages.length)]);
  const usage = ggcodeSessionUsage(s.cost, s.usage);
  if (usage) {
    facts.push([
      'Tokens',
      `${count(usage.input_tokens)} in · ${count(usage.output_tokens)} out · ${count(usage.cache_read_tokens)} cache read · ${count(usage.cache_write_tokens)} cache write`,
    ]);
    if (usage.cost_usd !== null)
      facts.push(['Cost', `$${usage.cost_usd.toFixed(4)}${usage.cost_estimated ? ' (estimated)' : ''}`]);
  }
  return facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
}

function checkpointHtml(tokens: number | undefined): string {
  const detail = typeof tokens === 'number' ? ` (${count(tokens)} tokens)` : '';
  return `<div class="checkpoint" role="separator">Context compacted here${detail}</div>\n`;
}

/** The whole session as one HTML document. */
export function exportSessionHtml(s: Session): string {
  const checkpoints = new Map<number, number | undefined>();
  for (const c of s.checkpoints)
    if (!checkpoints.has(c.after_messages)) checkpoints.set(c.after_messages, c.tokens);
  let body = '';
  s.messages.forEach((m, i) => {
    if (checkpoints.has(i)) body += checkpointHtml(checkpoints.get(i));
    body += messageHtml(m);
  });
  if (checkpoints.has(s.messages.length)) body += checkpointHtml(checkpoints.get(s.messages.length));
  const title = s.title === '' ? 'Untitled session' : s.title;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Transcripts">
<title>${escapeHtml(title)}</title>
<style>${HTML_EXPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(title)}</h1><dl class="facts">${factsHtml(s)}</dl></header>
${body}</main>
</body>
</html>
`;
}
