// What electron.vite.config.ts builds: only the `electron-vite dev` main bundle reads
// ELECTRON_RENDERER_URL, and the renderer page has no inline script or style for CSP to allow.
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';

const CONFIG_FILE = resolve(import.meta.dirname, '..', '..', 'electron.vite.config.ts');

/** A chunk or asset of a build's output, as Rolldown reports it. */
interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
}

/** Builds one target of the config in memory, as `electron-vite <command>` would configure it. */
async function buildTarget(command: 'build' | 'serve', target: 'main' | 'renderer'): Promise<OutputFile[]> {
  const mode = command === 'serve' ? 'development' : 'production';
  const { config } = await resolveConfig({ configFile: CONFIG_FILE, logLevel: 'silent' }, command, mode);
  const viteConfig = config?.[target] as InlineConfig;
  const result = await build({
    ...viteConfig,
    logLevel: 'silent',
    build: { ...viteConfig.build, write: false, watch: null },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: OutputFile[] }[];
  return outputs.flatMap((o) => o.output);
}

function text(file: OutputFile): string {
  const body = file.code ?? file.source ?? '';
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}

describe('electron.vite.config.ts', () => {
  // resolveConfig sets NODE_ENV for the build it prepares.
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('drops the ELECTRON_RENDERER_URL read from every main bundle but the dev one', async () => {
    const mainEntry = (files: OutputFile[]) =>
      text(files.find((f) => f.fileName === 'index.js') ?? files[0]!);
    const production = await buildTarget('build', 'main');
    expect(production.map(text).join('\n')).not.toContain('ELECTRON_RENDERER_URL');
    expect(mainEntry(production)).toContain('app://');
    const dev = await buildTarget('serve', 'main');
    expect(mainEntry(dev)).toContain('process.env.ELECTRON_RENDERER_URL');
  });

  it('builds a renderer page with no inline script, style element or style attribute', async () => {
    const files = await buildTarget('build', 'renderer');
    const html = text(files.find((f) => f.fileName === 'index.html') ?? files[0]!);
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/i);
    expect(html).toContain("style-src 'self';");
    expect(html).not.toContain('unsafe-inline');
  });
});
