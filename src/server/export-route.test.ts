// GET /export/<id>.md: the Markdown download used by Save and drag-out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlStore } from '../core/store';
import { FIXTURE_GOLDEN, FIXTURE_IDS } from '../../e2e/support/corpus';
import { rawRequest } from '../../e2e/support/http-request';
import { startTestServer, stopTestServer, type TestServer } from '../../test/support/test-server';
import { attachmentDisposition, filenameForTitle, titleFromExport } from './export-route';
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

  it('names the file after the sanitized title, or the id when there is none', async () => {
    const hostile = await rawRequest(server.port, { path: exportPath(FIXTURE_IDS.hostile) });
    expect(hostile.headers['content-disposition']).toBe(
      `attachment; filename="img src=x onerror=alert('alpha')_ title.md"; ` +
        `filename*=UTF-8''${encodeURIComponent("img src=x onerror=alert('alpha')_ title.md")}`,
    );
    const untitled = await rawRequest(server.port, { path: exportPath(FIXTURE_IDS.untitled) });
    expect(untitled.headers['content-disposition']).toContain(
      `filename="session-${FIXTURE_IDS.untitled}.md"`,
    );
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
  it('replaces characters file systems refuse and trims dots and spaces', () => {
    expect(filenameForTitle('a/b\\c:d*e?f"g<h>i|j\u0001k', 'id')).toBe('a_b_c_d_e_f_g_h_i_j_k');
    expect(filenameForTitle(' ..hidden. ', 'id')).toBe('hidden');
    expect(filenameForTitle('...', 'the-id')).toBe('session-the-id');
  });

  it('removes bidi and zero-width tricks and folds whitespace', () => {
    expect(filenameForTitle('evil\u202egnp.md', 'id')).toBe('evil_gnp.md');
    expect(filenameForTitle('a\u200bb   c', 'id')).toBe('a_b c');
  });

  it('keeps at most 100 characters without splitting a character', () => {
    const name = filenameForTitle('é'.repeat(150), 'id');
    expect(Array.from(name)).toHaveLength(100);
    expect(name).toBe('é'.repeat(100));
  });

  it('gives an ASCII filename and the exact UTF-8 one', () => {
    expect(attachmentDisposition('café')).toBe(
      `attachment; filename="caf_.md"; filename*=UTF-8''caf%C3%A9.md`,
    );
  });

  it('reads the title from the export header, including an empty one', () => {
    expect(titleFromExport('# Hello\n\n**Session:** x\n')).toBe('Hello');
    expect(titleFromExport('# \n\n**Session:** x\n')).toBe('');
    expect(titleFromExport('no header')).toBe('');
  });
});
