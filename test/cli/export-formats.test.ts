// `sessions export ID --format md|html|json`: each format as the exporters write it, usage errors
// for anything else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { renderSession } from '../../src/core/export/export-session';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, GOLDEN, tempDir } from '../support/fixtures';

const ID = '20261124-135052-d23db7e55539ac33';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, {});
  return { code, out, err };
}

describe('sessions export --format', () => {
  it('md (the default) is ggcode export, byte for byte', async () => {
    const dir = corpusCopy();
    const golden = readFileSync(join(GOLDEN, `${ID}.md`), 'utf8');
    expect((await cli(['--dir', dir, 'export', ID])).out).toBe(golden);
    expect((await cli(['--dir', dir, 'export', ID, '--format', 'md'])).out).toBe(golden);
  });

  it.each(['html', 'json'] as const)(
    '%s writes the exporter output, to stdout or -o FILE',
    async (format) => {
      const dir = corpusCopy();
      const expected = renderSession(await new JsonlStore(dir).load(ID), format);
      const { code, out } = await cli(['--dir', dir, 'export', ID, '--format', format]);
      expect(code).toBe(0);
      expect(out).toBe(expected);
      const file = join(tempDir(), `x.${format}`);
      expect((await cli(['--dir', dir, 'export', ID, '--format', format, '-o', file])).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    },
  );

  it('json is the session model', async () => {
    const { out } = await cli(['--dir', corpusCopy(), 'export', ID, '--format', 'json']);
    const parsed = JSON.parse(out) as { id: string; messages: unknown[]; cost: { total_cost_usd: number } };
    expect(parsed.id).toBe(ID);
    expect(parsed.messages.length).toBeGreaterThan(0);
    expect(parsed.cost.total_cost_usd).toBe(0.0421);
  });

  it('refuses another format with a usage error', async () => {
    const { code, err } = await cli(['--dir', corpusCopy(), 'export', ID, '--format', 'pdf']);
    expect(code).toBe(2);
    expect(err).toEqual(['sessions: --format must be one of md, html, json (see sessions --help)']);
    expect((await cli(['--dir', corpusCopy(), 'list', '--format', 'html'])).code).toBe(2);
  });
});
