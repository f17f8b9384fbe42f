import { describe, expect, it } from 'vitest';
import { hashForSession, linkFromHash, sessionIdFromHash } from './deep-link';

describe('deep link', () => {
  it('reads the session id from the hash', () => {
    expect(sessionIdFromHash('#session=20261124-135052-b415e622ad0f2d67')).toBe(
      '20261124-135052-b415e622ad0f2d67',
    );
    expect(sessionIdFromHash(hashForSession('a_b-c'))).toBe('a_b-c');
  });

  it('ignores other hashes and invalid ids', () => {
    expect(sessionIdFromHash('')).toBeNull();
    expect(sessionIdFromHash('#other=1')).toBeNull();
    expect(sessionIdFromHash('#session=../../etc')).toBeNull();
    expect(sessionIdFromHash('#session=-rf')).toBeNull();
  });
});

describe('deep link to a message', () => {
  it('reads the message index after the session', () => {
    expect(linkFromHash('#session=abc&msg=42')).toEqual({ id: 'abc', message: 42 });
    expect(linkFromHash(hashForSession('abc', 0))).toEqual({ id: 'abc', message: 0 });
    expect(hashForSession('abc', 7)).toBe('#session=abc&msg=7');
  });

  it('opens the session alone when the message is not a plain index', () => {
    for (const msg of ['-1', '1.5', 'x', '', '1e3', '9999999999', ' 3'])
      expect(linkFromHash(`#session=abc&msg=${encodeURIComponent(msg)}`)).toEqual({ id: 'abc' });
  });
});
