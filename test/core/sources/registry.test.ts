import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { globPlugin } from '../../../scripts/esbuild-glob.mjs';
import { ADAPTERS, adaptersOf } from '../../../src/core/sources/registry';
import type { SourceAdapter } from '../../../src/core/sources/source';
import { tempDir } from '../../support/fixtures';

const SOURCES = join(__dirname, '../../../src/core/sources');

const fake = (name: string, primary = false): { adapter: SourceAdapter } => ({
  adapter: {
    name,
    label: name,
    readOnly: !primary,
    defaults: '~/.x',
    primary,
    defaultRoots: () => [],
    rootsFor: (d) => [d],
    open: () => {
      throw new Error('unused');
    },
  },
});

describe('the source registry', () => {
  it('holds one adapter per folder with an index.ts, the app store first', () => {
    const folders = readdirSync(SOURCES, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(SOURCES, e.name, 'index.ts')))
      .map((e) => e.name);
    expect(ADAPTERS.map((a) => a.name).sort()).toEqual(folders.sort());
    expect(ADAPTERS.map((a) => a.name)).toEqual(['ggcode', 'claude', 'codex']);
  });

  it('orders by name after the primary source and refuses a folder without an adapter or a repeated name', () => {
    expect(
      adaptersOf({
        './b/index.ts': fake('b'),
        './g/index.ts': fake('g', true),
        './a/index.ts': fake('a'),
      }).map((a) => a.name),
    ).toEqual(['g', 'a', 'b']);
    expect(() => adaptersOf({ './x/index.ts': {} })).toThrow('source folder ./x/index.ts exports no adapter');
    expect(() => adaptersOf({ './a/index.ts': fake('a'), './b/index.ts': fake('a') })).toThrow(
      'two source folders share a name',
    );
  });

  it('finds a new folder in an esbuild bundle too (the CLI and benchmarks), with nothing else changed', async () => {
    const dir = tempDir('transcripts-glob-');
    writeFileSync(
      join(dir, 'registry.ts'),
      "const modules = import.meta.glob<{ adapter: { name: string } }>('./*/index.ts', { eager: true });\nexport const names = Object.entries(modules).map(([p, m]) => `${p}=${m.adapter.name}`);\n",
    );
    for (const name of ['gemini', 'opencode']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.ts'), `export const adapter = { name: '${name}' };\n`);
    }
    mkdirSync(join(dir, 'no-index'));
    const outfile = join(dir, 'out.cjs');
    await build({
      entryPoints: [join(dir, 'registry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
      plugins: [globPlugin],
    });
    expect(createRequire(__filename)(outfile).names).toEqual([
      './gemini/index.ts=gemini',
      './opencode/index.ts=opencode',
    ]);
  });
});
