import { describe, expect, it } from 'vitest';
import { TOOLS_GOLDEN_MESSAGES, messageMarkdown } from '../../test-support/transcripts';
import { MARKDOWN_MAX, TEXT_RENDER_CAP, renderMessageBody } from './render-message';

function dom(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

const lines = (n: number, word = 'line') =>
  Array.from({ length: n }, (_, i) => `${word} ${i + 1}`).join('\n');

describe('renderMessageBody', () => {
  it('renders Markdown text', () => {
    const root = dom(
      renderMessageBody(
        messageMarkdown('user', [{ type: 'text', text: '# Title\n\nSome **bold** and `code`.\n\n- a\n- b' }]),
      ),
    );
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelectorAll('li')).toHaveLength(2);
  });

  it('draws tool calls and results as their own boxes, marking errors', () => {
    const calls = dom(renderMessageBody(TOOLS_GOLDEN_MESSAGES[1]!));
    const toolCalls = calls.querySelectorAll('[data-testid="tool-call"]');
    expect(toolCalls).toHaveLength(2);
    expect(toolCalls[0]!.querySelector('.tool-name')?.textContent).toBe('list_dir');
    expect(toolCalls[0]!.querySelector('pre')?.textContent).toBe(
      '{"path":"src/main.go","opts":{"recursive":true,"depth":3},"list":[1,2,3],"html":"<b>x</b>"}',
    );
    expect(toolCalls[1]!.querySelector('pre')).toBeNull();

    const results = dom(renderMessageBody(TOOLS_GOLDEN_MESSAGES[2]!)).querySelectorAll(
      '[data-testid="tool-result"]',
    );
    expect(Array.from(results, (r) => r.getAttribute('data-error'))).toEqual(['false', 'true']);
    expect(results[0]!.querySelector('pre')?.textContent).toBe(
      'main.go\nutil.go\n```\nfence inside output\n```',
    );
    expect(results[1]!.textContent).toContain('permission denied: /etc/shadow');
  });

  it('highlights tool input JSON with escaped output', () => {
    const root = dom(renderMessageBody(TOOLS_GOLDEN_MESSAGES[1]!));
    const code = root.querySelector('[data-testid="tool-call"] code.hljs')!;
    expect(code.querySelector('.hljs-attr')?.textContent).toBe('"path"');
    expect(code.querySelector('b')).toBeNull();
  });

  it('highlights fenced code in a known language and leaves other code plain', () => {
    const root = dom(
      renderMessageBody(
        messageMarkdown('assistant', [
          { type: 'text', text: '```ts\nconst a = 1;\n```\n\n```nosuchlang\nx < y\n```' },
        ]),
      ),
    );
    const blocks = root.querySelectorAll('pre code');
    expect(blocks[0]!.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(blocks[1]!.innerHTML).toBe('x &lt; y');
  });

  it('collapses long tool output with a "Show all" button until expanded', () => {
    const md = messageMarkdown('user', [{ type: 'tool_result', output: lines(100) }]);
    const collapsed = dom(renderMessageBody(md));
    const button = collapsed.querySelector('[data-testid="show-all"]')!;
    expect(button.textContent).toBe('Show all (100 lines)');
    expect(button.getAttribute('data-expand')).toBe('b0');
    expect(collapsed.querySelector('pre')!.textContent).toBe(lines(30));

    const expanded = dom(renderMessageBody(md, new Set(['b0'])));
    expect(expanded.querySelector('[data-testid="show-all"]')).toBeNull();
    expect(expanded.querySelector('pre')!.textContent).toBe(lines(100));
  });

  it('collapses long code blocks inside text, each with its own key', () => {
    const text = `\`\`\`\n${lines(40)}\n\`\`\`\n\nshort:\n\n\`\`\`\nok\n\`\`\`\n\n\`\`\`\n${'x'.repeat(5000)}\n\`\`\``;
    const md = messageMarkdown('assistant', [{ type: 'text', text }]);
    const root = dom(renderMessageBody(md));
    const buttons = Array.from(root.querySelectorAll('[data-testid="show-all"]'));
    expect(buttons.map((b) => b.getAttribute('data-expand'))).toEqual(['b0c0', 'b0c2']);
    expect(buttons.map((b) => b.textContent)).toEqual(['Show all (40 lines)', 'Show all (1 line)']);
    const once = dom(renderMessageBody(md, new Set(['b0c0'])));
    expect(once.querySelectorAll('[data-testid="show-all"]')).toHaveLength(1);
    expect(once.querySelector('pre')!.textContent).toBe(lines(40));
  });

  it('keeps 30 short lines whole', () => {
    const root = dom(
      renderMessageBody(messageMarkdown('user', [{ type: 'tool_result', output: lines(30) }])),
    );
    expect(root.querySelector('[data-testid="show-all"]')).toBeNull();
  });

  it('renders only the start of a huge text block until it is expanded', () => {
    const paragraph = 'word '.repeat(40).trim();
    const text = Array.from({ length: 600 }, (_, i) => `${i}: ${paragraph}`).join('\n\n');
    expect(text.length).toBeGreaterThan(TEXT_RENDER_CAP);
    const md = messageMarkdown('assistant', [{ type: 'text', text }]);
    const root = dom(renderMessageBody(md));
    expect(root.textContent!.length).toBeLessThanOrEqual(TEXT_RENDER_CAP);
    expect(root.querySelector('[data-testid="show-all"]')?.getAttribute('data-expand')).toBe('b0');
    const all = dom(renderMessageBody(md, new Set(['b0'])));
    expect(all.querySelectorAll('p')).toHaveLength(600);
  });

  it('shows an expanded multi-megabyte text block as plain text instead of running marked on it', () => {
    const text = `**not bold** ${'y'.repeat(MARKDOWN_MAX)}`;
    const root = dom(
      renderMessageBody(messageMarkdown('assistant', [{ type: 'text', text }]), new Set(['b0'])),
    );
    expect(root.querySelector('strong')).toBeNull();
    expect(root.querySelector('pre.plain-text')?.textContent?.startsWith('**not bold**')).toBe(true);
  });

  it('renders a message with a 5 MB tool output collapsed (its speed is measured in bench/ui)', () => {
    const output = `${'z'.repeat(120)}\n`.repeat(42_000);
    const root = dom(renderMessageBody(messageMarkdown('user', [{ type: 'tool_result', output }])));
    expect(root.textContent!.length).toBeLessThan(output.length / 10);
    expect(root.querySelector('[data-testid="show-all"]')?.textContent).toBe('Show all (42,000 lines)');
  });

  it('says so when a tool result has no output', () => {
    const root = dom(renderMessageBody(messageMarkdown('user', [{ type: 'tool_result', output: '' }])));
    expect(root.querySelector('.tool-empty')?.textContent).toBe('No output');
  });
});
