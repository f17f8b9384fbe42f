// `sessions serve`: prints where it serves and stops cleanly on SIGINT or SIGTERM.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyCorpus, removeDir } from '../../e2e/support/corpus';
import { makeFakeRenderer, type FakeRenderer } from '../../e2e/support/fake-renderer';
import { rawRequest } from '../../e2e/support/http-request';
import { testCacheDir } from '../../test/support/test-server';
import { serveCommand } from './serve-command';

let corpus: string;
let renderer: FakeRenderer;

beforeEach(async () => {
  corpus = await copyCorpus();
  renderer = await makeFakeRenderer();
});

afterEach(async () => {
  await removeDir(corpus);
  await removeDir(renderer.parent);
});

// Starts the command and waits for its one printed line.
async function start(signals: EventEmitter) {
  let printed: (line: string) => void = () => undefined;
  const line = new Promise<string>((resolve) => (printed = resolve));
  const done = serveCommand({
    dir: corpus,
    port: 0,
    rendererDir: renderer.root,
    cacheDir: testCacheDir(),
    print: printed,
    signals,
  });
  return { line: await line, done };
}

describe('serveCommand', () => {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    it(`serves until ${signal}, then closes`, async () => {
      const signals = new EventEmitter();
      const { line, done } = await start(signals);
      const match =
        /^Transcripts is serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]{64})$/.exec(line);
      expect(match?.[1]).toBe(corpus);
      const port = Number(match?.[3]);
      const url = new URL(match![2]!);
      expect((await rawRequest(port, { path: url.pathname + url.search })).status).toBe(200);
      signals.emit(signal);
      await done;
      await expect(rawRequest(port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
      expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
    });
  }
});
