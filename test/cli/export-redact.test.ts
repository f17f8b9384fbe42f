// `sessions export ID --redact`: secrets replaced in every format, --dry-run lists them and writes
// nothing, options need --redact; and the built CLI bundle runs secretlint's rules offline.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { snapshot, tempDir } from '../support/fixtures';
import { secretCases } from '../support/secret-corpus';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const ID = '20261201-120000-00000000000000c1';
const cases = secretCases('/home/dev');
const token = cases.find((c) => c.kind === 'github-token')!.secret;
const jwt = cases.find((c) => c.kind === 'jwt')!.secret;

/** A sessions folder with one session holding a token, a JWT and an e-mail address. */
function sessionsDir(): string {
  const dir = tempDir();
  const line = (o: object) => JSON.stringify({ session_id: ID, ...o }) + '\n';
  writeFileSync(
    join(dir, `${ID}.jsonl`),
    line({
      type: 'meta',
      title: 'deploy',
      vendor: 'v',
      endpoint: 'e',
      model: 'm',
      created_at: '2026-12-01T12:00:00Z',
      updated_at: '2026-12-01T12:00:00Z',
    }) +
      line({
        type: 'message',
        message: { role: 'user', content: [{ type: 'text', text: `use ${token} and mail ops@example.org` }] },
      }) +
      line({
        type: 'message',
        message: {
          role: 'assistant',
          content: [
            { type: 'tool_use', tool_name: 'bash', input: { cmd: `curl -H "Authorization: Bearer ${jwt}"` } },
          ],
        },
      }),
  );
  return dir;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, {});
  return { code, out, err };
}

describe('sessions export --redact', () => {
  it.each(['md', 'html', 'json'])('replaces the secrets in %s', async (format) => {
    const { code, out, err } = await cli([
      '--dir',
      sessionsDir(),
      'export',
      ID,
      '--format',
      format,
      '--redact',
    ]);
    expect(code).toBe(0);
    expect(out).not.toContain(token);
    expect(out).not.toContain(jwt);
    expect(out).toContain('[REDACTED:github-token]');
    expect(out).toContain('[REDACTED:jwt]');
    expect(out).toContain('ops@example.org');
    expect(err).toEqual(['redacted 2 item(s)']);
  });

  it('adds e-mail addresses with --redact-emails', async () => {
    const { out } = await cli(['--dir', sessionsDir(), 'export', ID, '--redact', '--redact-emails']);
    expect(out).toContain('[REDACTED:email]');
    expect(out).not.toContain('ops@example.org');
  });

  it('--dry-run lists what would be replaced and writes nothing', async () => {
    const dir = sessionsDir();
    const before = snapshot(dir);
    const outDir = tempDir();
    const { code, out, err } = await cli([
      '--dir',
      dir,
      'export',
      ID,
      '--redact',
      '--dry-run',
      '-o',
      join(outDir, 'x.md'),
    ]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^KIND +WHERE +PREVIEW$/);
    expect(out).toMatch(/github-token +message 1 text +ghp_/);
    expect(out).toMatch(/jwt +message 2 tool input +eyJ/);
    expect(out).not.toContain(token);
    expect(err).toEqual(['dry run: 2 item(s) would be replaced by [REDACTED:kind]']);
    expect(readdirSync(outDir)).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses redaction options without --redact', async () => {
    expect((await cli(['--dir', sessionsDir(), 'export', ID, '--redact-emails'])).code).toBe(2);
    expect((await cli(['--dir', sessionsDir(), 'export', ID, '--dry-run'])).code).toBe(2);
    expect((await cli(['--dir', sessionsDir(), 'list', '--redact'])).code).toBe(2);
  });

  describe('the built CLI', () => {
    beforeAll(async () => {
      await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    }, 120_000);

    it('redacts with the rules bundled in (no network, Node 20)', async () => {
      expect(existsSync(join(ROOT, 'out/cli/sessions.cjs'))).toBe(true);
      const { stdout } = await run(
        process.execPath,
        [join(ROOT, 'bin/sessions.cjs'), '--dir', sessionsDir(), 'export', ID, '--redact'],
        {
          env: { PATH: process.env.PATH, TRANSCRIPTS_CACHE_DIR: tempDir(), HOME: tempDir() },
        },
      );
      expect(stdout).toContain('[REDACTED:github-token]');
      expect(stdout).not.toContain(token);
    }, 60_000);
  });
});
