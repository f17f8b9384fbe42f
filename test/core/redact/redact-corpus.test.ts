// Redaction against the corpus: every kind of secret is replaced by [REDACTED:kind] wherever it
// stands and in every format; every look-alike survives byte for byte.
import { describe, expect, it } from 'vitest';
import { renderSession } from '../../../src/core/export/export-session';
import { emptySession } from '../../../src/core/load';
import { rawInputText } from '../../../src/core/raw';
import { redactSession } from '../../../src/core/redact/redact-session';
import { EXPORT_FORMATS, type RedactOptions } from '../../../src/shared/export-options';
import type { Message, Session } from '../../../src/shared/types';
import { lookAlikes, secretCases } from '../../support/secret-corpus';

const HOME = '/home/dev';
const ALL: RedactOptions = { emails: true, home: true };

function sessionWith(messages: Message[], title = 'a session'): Session {
  return {
    ...emptySession('redact-test'),
    title,
    created_at: '2026-11-24T13:50:52Z',
    updated_at: '2026-11-24T13:50:52Z',
    messages,
  };
}

const text = (t: string): Message => ({ role: 'user', content: [{ type: 'text', text: t }] });

describe('redaction corpus', () => {
  const cases = secretCases(HOME);

  it('has at least 30 kinds of secret and 30 look-alikes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(lookAlikes().length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('replaces %s', async (_name, c) => {
    const session = sessionWith([text(c.text)]);
    const options: RedactOptions = { emails: c.option === 'emails', home: c.option === 'home' };
    const findings = await redactSession(session, options, HOME);
    const out = session.messages[0]!.content[0]!.text!;
    expect(out).not.toContain(c.secret);
    expect(out).toContain(`[REDACTED:${c.kind}]`);
    expect(findings.map((f) => f.kind)).toContain(c.kind);
    expect(findings[0]!.where).toBe('message 1 text');
    // The preview never shows the secret itself.
    for (const f of findings)
      expect(c.secret.length > 12 ? f.preview.length : 0).toBeLessThan(c.secret.length);
  });

  it('leaves a secret needing an option alone without it', async () => {
    for (const c of cases.filter((x) => x.option)) {
      const session = sessionWith([text(c.text)]);
      expect(await redactSession(session, { emails: false, home: false }, HOME)).toEqual([]);
      expect(session.messages[0]!.content[0]!.text).toBe(c.text);
    }
  });

  it.each(lookAlikes().map((l) => [l.name, l.text] as const))('keeps %s', async (_name, t) => {
    const session = sessionWith([text(t)]);
    const emails = !t.includes('@example.org');
    expect(await redactSession(session, { emails, home: true }, HOME)).toEqual([]);
    expect(session.messages[0]!.content[0]!.text).toBe(t);
  });

  it('redacts the title, folder, reasoning, tool name, input and output, extras and summaries', async () => {
    const token = cases.find((c) => c.kind === 'github-token')!.secret;
    const session = sessionWith(
      [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'ok', reasoning_content: `use ${token}`, thinking_data: `x ${token}` },
            {
              type: 'tool_use',
              tool_name: `run ${token}`,
              tool_id: 't1',
              input: { env: { TOKEN: token }, n: 1 },
            },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_id: 't1', output: `echo ${token}` }] },
      ],
      `title ${token}`,
    );
    session.workspace = `${HOME}/project`;
    session.checkpoints = [{ after_messages: 1, messages: [text(`summary with ${token}`)] }];
    const findings = await redactSession(session, ALL, HOME);
    for (const format of EXPORT_FORMATS) expect(renderSession(session, format)).not.toContain(token);
    expect(JSON.stringify(session)).not.toContain(token);
    expect(session.workspace).toBe('[REDACTED:home-path]/project');
    const block = session.messages[0]!.content[1]!;
    expect(block.input).toEqual({ env: { TOKEN: '[REDACTED:github-token]' }, n: 1 });
    expect(rawInputText(block)).toBe('{"env":{"TOKEN":"[REDACTED:github-token]"},"n":1}');
    expect(findings.map((f) => f.where)).toEqual([
      'title',
      'folder',
      'message 1 reasoning',
      'message 1 thinking data',
      'message 1 tool name',
      'message 2 tool output',
      'compaction summary 1 text',
      'message 1 tool input',
    ]);
  });

  it('keeps image data as it is, even when it holds secret-looking text', async () => {
    const token = cases.find((c) => c.kind === 'github-token')!.secret;
    const data = Buffer.from(`PNG ${token}`).toString('base64') + token;
    const session = sessionWith([
      { role: 'user', content: [{ type: 'image', image_mime: 'image/png', image_data: data }] },
    ]);
    expect(await redactSession(session, ALL, HOME)).toEqual([]);
    expect(session.messages[0]!.content[0]!.image_data).toBe(data);
  });

  it('writes the same replacement in Markdown, HTML and JSON', async () => {
    const c = cases.find((x) => x.kind === 'anthropic-api-key')!;
    const session = sessionWith([text(c.text)]);
    await redactSession(session, ALL, HOME);
    for (const format of EXPORT_FORMATS) {
      const out = renderSession(session, format);
      expect(out, format).not.toContain(c.secret);
      expect(out, format).toContain('[REDACTED:anthropic-api-key]');
    }
  });
});
