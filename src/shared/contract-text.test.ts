// The sessions:text request: a message index and a byte offset, nothing else.
import { describe, expect, it } from 'vitest';
import { validateRequest } from './contract';

const ID = '20260410-080000-00000000000000a7';

describe("sessions:text's request", () => {
  it('takes an id, a message and an offset', () => {
    expect(validateRequest('sessions:text', { id: ID, message: 2, from: 9_000_000_000 })).toEqual({
      id: ID,
      message: 2,
      from: 9_000_000_000,
    });
  });

  it.each([
    [{ id: ID, message: 2 }, 'from must be an integer'],
    [{ id: ID, message: -1, from: 0 }, 'message must be an integer'],
    [{ id: ID, message: 0, from: 1.5 }, 'from must be an integer'],
    [{ id: ID, message: 0, from: 0, to: 5 }, 'to'],
    [{ id: '../x', message: 0, from: 0 }, 'id'],
  ])('refuses %j', (request, error) => {
    expect(() => validateRequest('sessions:text', request)).toThrow(error);
  });
});
