// GET /export/<id>.md: the Markdown download used by Save and drag-out.
import { readFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlStore } from '../core/store';
import { FIXTURE_GOLDEN, FIXTURE_IDS } from '../../e2e/support/corpus';
import { rawRequest } from '../../e2e/support/http-request';
import { startTestServer, stopTestServer, type TestServer } from '../../test/support/test-server';
import { generatedId, writeSession } from '../../e2e/support/sessions';
import { exportFileName } from '../shared/export-file-name';
import { renderSession } from '../core/export/export-session';
import { secretCases } from '../../test/support/secret-corpus';
import { attachmentDisposition } from './download';
import type { RunningServer } from './server';

let corpus: string;
let server: RunningServer;

let running: TestServer;

beforeAll(async () => {
  running = await startTestServer();
  ({ corpus, server } = running);
});

afterAll(() => stopTestServer(running));

const exportPath = (id: string, token = server.token) => `/export/${id}.md?token=${token}`;

describe('export endpoint', () => {
  it('sends every fixture export byte for byte with download headers', async () => {
    const ids = (await new JsonlStore(corpus).list()).map((s) => s.id);
    for (const id of ids) {
      const res = await rawRequest(server.port, { path: exportPath(id) });
      expect(res.status, id).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.md"/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body, id).toBe(await readFile(join(FIXTURE_GOLDEN, `${id}.md`), 'utf8'));
    }
  });

  it.each([
    ['html', 'text/html; charset=utf-8'],
    ['json', 'application/json; charset=utf-8'],
  ] as const)('sends the %s export under its own extension and type', async (format, type) => {
    const id = FIXTURE_IDS.tools;
    const res = await rawRequest(server.port, { path: `/export/${id}.${format}?token=${server.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toContain(`filename="Tool heavy alpha.${format}"`);
    expect(res.body).toBe(renderSession(await new JsonlStore(corpus).load(id), format));
  });

  it('redacts a download that asks for it, and previews the same over the API', async () => {
    const token = secretCases('/home/dev').find((c) => c.kind === 'github-token')!.secret;
    const id = generatedId(777);
    await writeSession(corpus, { id, title: 'keys', messages: 1, text: () => `token ${token} mail a@b.org` });
    const plain = await rawRequest(server.port, { path: `/export/${id}.md?token=${server.token}` });
    expect(plain.body).toContain(token);
    const redacted = await rawRequest(server.port, {
      path: `/export/${id}.json?token=${server.token}&redact=1&emails=1`,
    });
    expect(redacted.status).toBe(200);
    expect(redacted.body).not.toContain(token);
    expect(redacted.body).toContain('[REDACTED:github-token]');
    expect(redacted.body).toContain('[REDACTED:email]');
    const preview = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/sessions:redact-preview',
      headers: { 'content-type': 'application/json', 'x-transcripts-token': server.token },
      body: JSON.stringify({ id, redact: { emails: false, home: false } }),
    });
    expect(JSON.parse(preview.body)).toEqual({
      ok: true,
      value: [
        { kind: 'github-token', where: 'message 1 text', preview: expect.stringMatching(/^ghp_.…..$/) },
      ],
    });
    const bad = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/sessions:redact-preview',
      headers: { 'content-type': 'application/json', 'x-transcripts-token': server.token },
      body: JSON.stringify({ id, redact: { emails: 'yes' } }),
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a format it does not know', async () => {
    const res = await rawRequest(server.port, {
      path: `/export/${FIXTURE_IDS.tools}.exe?token=${server.token}`,
    });
    // Not an export path: a token in the query (which only exports and the page take) is refused.
    expect(res.status).toBe(403);
  });

  it('names the file after the sanitized title, or the id when there is none', async () => {
    const hostile = await rawRequest(server.port, { path: exportPath(FIXTURE_IDS.hostile) });
    expect(hostile.headers['content-disposition']).toBe(
      `attachment; filename="img src=x onerror=alert('alpha')_ title.md"; ` +
        `filename*=UTF-8''img%20src%3Dx%20onerror%3Dalert%28%27alpha%27%29_%20title.md`,
    );
    const untitled = await rawRequest(server.port, { path: exportPath(FIXTURE_IDS.untitled) });
    expect(untitled.headers['content-disposition']).toContain(
      `filename="session-${FIXTURE_IDS.untitled}.md"`,
    );
  });

  it('names the file as exportFileName does: bidi removed, bytes counted, devices refused', async () => {
    const titles = ['Normal \u202Egnp.exe', '😀'.repeat(100), 'CON.txt'];
    for (const [n, title] of titles.entries()) {
      const id = generatedId(900 + n);
      await writeSession(corpus, { id, title, messages: 1 });
      const res = await rawRequest(server.port, { path: exportPath(id) });
      const name = exportFileName(title, id);
      expect(res.headers['content-disposition'], title).toContain(
        `filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    }
    expect(exportFileName(titles[0]!, 'x')).toBe('Normal gnp.exe.md');
    expect(exportFileName(titles[2]!, 'x')).toBe('session-x.md');
  });

  it('accepts the cookie instead of the query token', async () => {
    const res = await rawRequest(server.port, {
      path: `/export/${FIXTURE_IDS.plain}.md`,
      headers: { cookie: `transcripts_${server.port}=${server.token}` },
    });
    expect(res.status).toBe(200);
  });

  it('403 without the token or with a wrong one', async () => {
    for (const path of [`/export/${FIXTURE_IDS.plain}.md`, exportPath(FIXTURE_IDS.plain, 'a'.repeat(64))]) {
      const res = await rawRequest(server.port, { path });
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('##');
    }
  });

  it('404 for an unknown session and 400 for an invalid id, in one line', async () => {
    const missing = await rawRequest(server.port, { path: exportPath('no-such-session') });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('session no-such-session not found\n');
    for (const id of ['%2e%2e%2fsecret', '-rf', '%ZZ']) {
      const res = await rawRequest(server.port, { path: exportPath(id) });
      expect(res.status, id).toBe(400);
      expect(res.body).toBe('invalid session id\n');
    }
  });
});

describe('download names', () => {
  it('gives an ASCII filename and the exact UTF-8 one', () => {
    expect(attachmentDisposition('café.md')).toBe(
      `attachment; filename="caf_.md"; filename*=UTF-8''caf%C3%A9.md`,
    );
  });

  it("percent-encodes what RFC 8187 does not allow bare in filename* (' ( ))", () => {
    expect(attachmentDisposition("it's (v2).md")).toBe(
      `attachment; filename="it's (v2).md"; filename*=UTF-8''it%27s%20%28v2%29.md`,
    );
  });
});

describe('zip endpoint', () => {
  it('sends several sessions as one zip, redacted when asked', async () => {
    const ids = [FIXTURE_IDS.tools, FIXTURE_IDS.plain];
    const res = await rawRequestBytes(
      server.port,
      `/export-zip?ids=${ids.join(',')}&format=md&token=${server.token}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('filename="sessions-2.zip"');
    const files = unzipSync(res.body);
    expect(Object.keys(files)).toHaveLength(2);
    expect(strFromU8(files['Tool heavy alpha.md']!)).toBe(
      await new JsonlStore(corpus).exportMarkdown(FIXTURE_IDS.tools),
    );
  });

  it('refuses bad ids and formats, and says which session is missing', async () => {
    const ask = (q: string) => rawRequest(server.port, { path: `/export-zip?${q}&token=${server.token}` });
    expect((await ask('ids=')).status).toBe(400);
    expect((await ask('ids=../x')).status).toBe(400);
    expect((await ask(`ids=${FIXTURE_IDS.tools}&format=exe`)).status).toBe(400);
    const missing = await ask(`ids=${FIXTURE_IDS.tools},nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('session nope not found\n');
  });
});

/** A GET whose body is kept as bytes. */
function rawRequestBytes(
  port: number,
  path: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Uint8Array }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: new Uint8Array(Buffer.concat(chunks)),
        }),
      );
    }).on('error', reject);
  });
}
