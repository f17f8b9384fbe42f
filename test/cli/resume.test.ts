// `sessions resume ID`: the command that continues a session in its agent, or a clear error.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { corpusCopy } from '../support/fixtures';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, {});
  return { code, out, err };
}

describe('sessions resume', () => {
  it('says that ggcode sessions have none', async () => {
    const { code, out, err } = await cli([
      '--dir',
      corpusCopy(),
      'resume',
      '20261124-135052-d23db7e55539ac33',
    ]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toEqual(['sessions: ggcode sessions have no resume command']);
  });

  it('refuses an unknown or invalid id with the store line', async () => {
    expect((await cli(['--dir', corpusCopy(), 'resume', 'nope'])).err).toEqual([
      'sessions: session nope not found',
    ]);
    expect((await cli(['--dir', corpusCopy(), 'resume'])).code).toBe(2);
  });
});
