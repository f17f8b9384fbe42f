import { describe, expect, it } from 'vitest';
import { hashForSession, sessionIdFromHash } from './deep-link';

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
