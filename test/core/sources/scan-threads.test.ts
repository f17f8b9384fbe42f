// A cold list of many Claude Code and Codex CLI sessions is scanned on the scan threads (the
// bundled scan-thread script): the rows must be exactly the ones the calling thread finds
// (subagent folders, old-style agent files, forks, unreadable entries included), the facts the
// threads send must be what the cache folder keeps, and a thread that cannot start costs speed,
// never results.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  filesScannedOnThreads,
  MIN_FILES_FOR_THREADS,
  scanThreadsRunning,
  useScanThreads,
} from '../../../src/core/scan-threads';
import { adapter as claudeAdapter } from '../../../src/core/sources/claude/index';
import { adapter as codexAdapter } from '../../../src/core/sources/codex/index';
import { loadPriceTable } from '../../../src/core/sources/pricing/pricing';
import type { SessionSource, SourceAdapter } from '../../../src/core/sources/source';
import { tempDir } from '../../support/fixtures';
import { buildScanThreadScript } from '../../support/scan-thread-script';
import { CLAUDE_FIXTURES, CODEX_FIXTURES } from '../../support/sources';

const COPIES = MIN_FILES_FOR_THREADS;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

let script: string;
let claudeRoot: string;
let codexRoot: string;

/** Copy `k` of the fixture folder `from` into `to`: every uuid (in names and in the files)
 * changed the same way, so that copies are other sessions that still name each other. */
function copyTree(from: string, to: string, k: number): void {
  const renamed = (s: string) => s.replace(UUID, (u) => u.slice(0, -4) + k.toString(16).padStart(4, '0'));
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, renamed(name));
    if (statSync(src).isDirectory()) copyTree(src, dst, k);
    else writeFileSync(dst, renamed(readFileSync(src, 'utf8')));
  }
}

beforeAll(async () => {
  const home = tempDir('transcripts-source-threads-');
  claudeRoot = join(home, 'projects');
  codexRoot = join(home, 'codex');
  const projects = join(CLAUDE_FIXTURES, 'projects');
  for (let k = 0; k < COPIES; k++) {
    for (const project of readdirSync(projects))
      copyTree(join(projects, project), join(claudeRoot, `${project}-${k}`), k);
    copyTree(join(CODEX_FIXTURES, 'home'), codexRoot, k);
  }
  // Entries a thread cannot read: left to the calling thread, which counts them.
  const outside = join(home, 'outside.jsonl');
  writeFileSync(outside, '{"type":"user","message":{"role":"user","content":"hi"}}\n');
  const project = join(claudeRoot, `${readdirSync(projects)[0]}-0`);
  symlinkSync(outside, join(project, 'aaaaaaaa-0000-4000-8000-000000000000.jsonl'));
  const rollouts = join(codexRoot, 'sessions', '2025', '09', '20');
  symlinkSync(
    outside,
    join(rollouts, 'rollout-2025-09-20T10-11-12-aaaaaaaa-0000-4000-8000-000000000000.jsonl'),
  );
  script = await buildScanThreadScript();
});
afterEach(() => useScanThreads(null));

const prices = loadPriceTable({ TRANSCRIPTS_PRICES: '/nonexistent/prices.json' });
const open = (adapter: SourceAdapter, root: string, cacheDir?: string): SessionSource =>
  adapter.open(adapter.rootsFor(root), { prices, ...(cacheDir !== undefined && { cacheDir }) });

describe.each([
  ['Claude Code', claudeAdapter, () => claudeRoot],
  ['Codex CLI', codexAdapter, () => codexRoot],
] as const)('%s on the scan threads', (_label, adapter, root) => {
  it('lists the same rows as the calling thread', async () => {
    const here = await open(adapter, root()).list();
    expect(here.sessions.length).toBeGreaterThanOrEqual(2 * COPIES);
    expect(here.unreadable).toBeGreaterThan(0);
    useScanThreads(script);
    const threaded = await open(adapter, root()).list();
    expect(filesScannedOnThreads()).toBeGreaterThanOrEqual(here.sessions.length);
    expect(threaded).toEqual(here);
  });

  it('keeps facts the next list and the cache folder reuse unchanged', async () => {
    const here = await open(adapter, root()).list();
    const cacheDir = tempDir('transcripts-source-threads-cache-');
    useScanThreads(script);
    const source = open(adapter, root(), cacheDir);
    expect(await source.list()).toEqual(here);
    const scanned = filesScannedOnThreads();
    expect(scanned).toBeGreaterThan(0);
    expect(await source.list()).toEqual(here); // from its caches: nothing scanned again
    expect(filesScannedOnThreads()).toBe(scanned);
    useScanThreads(null);
    expect(await open(adapter, root(), cacheDir).list()).toEqual(here); // a new process's list
  });

  it('starts the threads for a first list with nothing stored only, and stops them after', async () => {
    const cacheDir = tempDir('transcripts-source-threads-held-');
    useScanThreads(script);
    const source = open(adapter, root(), cacheDir);
    const first = source.list();
    await vi.waitFor(() => expect(scanThreadsRunning()).toBeGreaterThan(0));
    const rows = await first;
    expect(scanThreadsRunning()).toBe(0);
    // Later lists, and a new process's first one that finds the stored facts, start none.
    const later = source.list();
    const reopened = open(adapter, root(), cacheDir).list();
    let started = 0;
    const watch = setInterval(() => (started = Math.max(started, scanThreadsRunning())), 1);
    expect(await later).toEqual(rows);
    expect(await reopened).toEqual(rows);
    clearInterval(watch);
    expect(started).toBe(0);
  });

  it('falls back to the calling thread when their script cannot run', async () => {
    const here = await open(adapter, root()).list();
    useScanThreads(join(root(), 'no-such-script.cjs'));
    expect(await open(adapter, root()).list()).toEqual(here);
    expect(filesScannedOnThreads()).toBe(0);
  });
});
