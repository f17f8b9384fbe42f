// `sessions serve` over a folder with FIFOs (sessions, index.json, a lock), a socket and device
// symlinks: the list and the page keep answering, however many lists arrive at once, and the
// server stops when closed. The server runs in a probe process, so a hang fails instead of freezing.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../e2e/support/http-request';
import { hostileFolder, type HostileFolder } from '../../test/support/hostile-files';
import { buildProbe, probeServer } from '../../test/support/probe';
import type { SessionList } from '../shared/types';

let folder: HostileFolder;
let served: { child: ChildProcess; port: number; token: string };

beforeAll(async () => {
  folder = await hostileFolder();
  served = await probeServer(await buildProbe(), folder.dir);
});
afterAll(async () => {
  served.child.kill('SIGKILL');
  await folder.close();
});

/** Rejects when no answer comes within `ms`: a stuck server fails the test instead of hanging it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);
}

const list = () =>
  rawRequest(served.port, {
    method: 'POST',
    path: '/api/sessions:list',
    headers: { 'x-transcripts-token': served.token, 'content-type': 'application/json' },
    body: '{}',
  });

describe('sessions serve with special files in the folder', () => {
  it('answers many lists at once, then the page', async () => {
    const answers = await within(10_000, Promise.all(Array.from({ length: 8 }, list)));
    for (const answer of answers) {
      const envelope = JSON.parse(answer.body) as { ok: true; value: SessionList };
      expect(envelope.value.sessions.map((s) => s.id).sort()).toEqual(folder.readable);
      expect(envelope.value.unreadable).toBe(folder.unreadable);
    }
    const page = await within(5_000, rawRequest(served.port, { path: `/?token=${served.token}` }));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Transcripts</title>');
  });

  it('stops when closed', async () => {
    const exited = new Promise<number | null>((resolve) => served.child.once('exit', resolve));
    served.child.stdin!.write('close\n');
    expect(await within(10_000, exited)).toBe(0);
  });
});
