// Start-up folder choice: --dir, then SESSIONS_DIR, then the remembered folder, then the default.
import { describe, expect, it } from 'vitest';
import { chooseSessionsDir, type DirSources } from './sessions-dir';

const base: DirSources = {
  argv: ['/usr/bin/electron', 'out/main/index.js'],
  env: {},
  remembered: undefined,
  fallback: '/home/u/.ggcode/sessions',
  cwd: '/work',
};

describe('chooseSessionsDir', () => {
  it('uses the default when nothing else is given', () => {
    expect(chooseSessionsDir(base)).toBe('/home/u/.ggcode/sessions');
  });

  it('prefers the remembered folder to the default', () => {
    expect(chooseSessionsDir({ ...base, remembered: '/saved' })).toBe('/saved');
  });

  it('prefers SESSIONS_DIR to the remembered folder, resolved against the cwd', () => {
    expect(chooseSessionsDir({ ...base, remembered: '/saved', env: { SESSIONS_DIR: 'rel' } })).toBe(
      '/work/rel',
    );
  });

  it.each([
    [['--dir', '/from/args'], '/from/args'],
    [['--dir=/from/equals'], '/from/equals'],
    [['--inspect=0', '--dir', 'relative'], '/work/relative'],
    [['--dir', '/first', '--dir', '/last'], '/last'],
  ])('prefers %j to everything else', (args, expected) => {
    const sources = {
      ...base,
      argv: [...base.argv, ...args],
      env: { SESSIONS_DIR: '/env' },
      remembered: '/saved',
    };
    expect(chooseSessionsDir(sources)).toBe(expected);
  });

  it('ignores a --dir without a value', () => {
    expect(chooseSessionsDir({ ...base, argv: [...base.argv, '--dir'], remembered: '/saved' })).toBe(
      '/saved',
    );
    expect(chooseSessionsDir({ ...base, argv: [...base.argv, '--dir='], remembered: '/saved' })).toBe(
      '/saved',
    );
  });
});
