// Packaging: electron-builder.config.ts asks for the installers of each platform with Electron's
// fuses set, and a real electron-builder run (Linux `dir` target, on a stand-in Electron binary
// that carries a fuse wire, so nothing is downloaded) packs the app as intended.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures';
import config, { NATIVE_MODULES } from '../../electron-builder.config';

const REPO = resolve(import.meta.dirname, '..', '..');
const CONFIG_FILE = join(REPO, 'electron-builder.config.ts');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte in the wire: ASCII "1" or "0". */
const FuseState = { ENABLE: 0x31, DISABLE: 0x30 } as const;
/** Electron's own fuse defaults, in wire order (see @electron/fuses' FuseV1Options). */
const DEFAULT_WIRE = [
  FuseState.ENABLE, // RunAsNode
  FuseState.DISABLE, // EnableCookieEncryption
  FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
  FuseState.ENABLE, // EnableNodeCliInspectArguments
  FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
  FuseState.DISABLE, // OnlyLoadAppFromAsar
  FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
];

describe('electron-builder.config.ts', () => {
  it('makes AppImage and deb on Linux, dmg on macOS and NSIS on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('sets the fuses: no Node escape hatches, app only from an integrity-checked asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is wired to `npm run dist`', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(
      /^npm run build && electron-builder --config electron-builder\.config\.ts/,
    );
  });
});

describe('a packaging run', () => {
  let project: string;
  let unpacked: string;
  let listed: string[];

  beforeAll(() => {
    // A project beside the repository: its package.json and dependencies, a build in out/, and
    // files that must stay out of the app.
    project = tempDir('transcripts-pack-');
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    };
    put('package.json', readFileSync(join(REPO, 'package.json'), 'utf8'));
    symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'));
    for (const path of [
      'out/main/index.js',
      'out/main/search-worker.js',
      'out/main/chunks/store.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index.js',
      'out/main/native/lock.node',
      'out/main/index.js.map',
      'out/cli/sessions.cjs',
      'src/main/index.ts',
      'test/secret.test.ts',
      '.env',
    ]) {
      put(path, `// ${path}\n`);
    }
    // Electron's binary stand-in: the fuse sentinel, wire version 1, 8 fuses at their defaults.
    const electronDist = join(project, 'electron-dist');
    const wire = Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]);
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from(SENTINEL), wire]));

    const output = join(project, 'dist');
    const cli = join(REPO, 'node_modules', 'electron-builder', 'cli.js');
    const args = [
      ...['--projectDir', project, '--config', CONFIG_FILE, '--linux', 'dir', '--x64', '--publish', 'never'],
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ];
    // Any download would go to a closed local port and fail, never to the network.
    const proxy = 'http://127.0.0.1:9';
    const env = { ...process.env, HTTPS_PROXY: proxy, HTTP_PROXY: proxy };
    const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    unpacked = join(output, 'linux-unpacked');
    listed = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
  }, 120_000);
  // rm removes the node_modules symlink, not what it points to.
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('packs the build and the runtime dependencies only', () => {
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/search-worker.js',
      '/out/main/chunks/store.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/out/renderer/assets/index.js',
      '/node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm',
      '/node_modules/proper-lockfile/index.js',
    ]) {
      expect(listed).toContain(path);
    }
    const top = new Set(listed.map((p) => p.split('/').slice(0, 2).join('/')));
    expect(top).toEqual(new Set(['/package.json', '/out', '/node_modules']));
    expect(listed.filter((p) => /^\/out\/(cli|.*\.map$)/.test(p))).toEqual([]);
    const packages = new Set(
      listed.filter((p) => p.startsWith('/node_modules/')).map((p) => p.split('/')[2]),
    );
    for (const bundled of [
      'react',
      'react-dom',
      'marked',
      'dompurify',
      'highlight.js',
      'zustand',
      'electron',
    ]) {
      expect(packages).not.toContain(bundled);
    }
    const pkg = JSON.parse(
      extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString(),
    ) as {
      main: string;
    };
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('unpacks native modules beside app.asar', () => {
    expect(NATIVE_MODULES).toEqual(['**/*.node']);
    const native = join(unpacked, 'resources', 'app.asar.unpacked', 'out', 'main', 'native', 'lock.node');
    expect(readFileSync(native, 'utf8')).toBe('// out/main/native/lock.node\n');
  });

  it('flips the fuses in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'transcripts'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
  });
});
