// Telling a damaged index file from a busy one: only damage gets the file replaced.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import { describe, expect, it } from 'vitest';
import { isSound, openIndexDatabase } from '../../src/core/search/database';
import { tempDir } from '../support/fixtures';

/** A database whose quick_check answers `answer` or throws it. */
const checking = (answer: string | Error) =>
  ({
    get: () => {
      if (answer instanceof Error) throw answer;
      return { quick_check: answer };
    },
  }) as unknown as Database;

describe('isSound', () => {
  it('is true for a fresh index and false for one with a fault', () => {
    const { db } = openIndexDatabase(join(tempDir(), 'index.sqlite'));
    expect(isSound(db)).toBe(true);
    db.close();
    expect(isSound(checking('*** in database main ***\nPage 5 is never used'))).toBe(false);
  });

  it('is false when reading fails for damage, and true when it fails for a lock', () => {
    expect(isSound(checking(new Error('database disk image is malformed')))).toBe(false);
    expect(isSound(checking(new Error('file is not a database')))).toBe(false);
    expect(isSound(checking(new Error('fts5: corruption found reading blob 12 from table "fts"')))).toBe(
      false,
    );
    expect(isSound(checking(new Error('database is locked')))).toBe(true);
  });

  it('opens over a file that is not a database by starting a new one', () => {
    const file = join(tempDir(), 'index.sqlite');
    writeFileSync(file, 'not a database\n'.repeat(500));
    const { db, rebuilt } = openIndexDatabase(file);
    expect(rebuilt).toBe(true);
    expect(isSound(db)).toBe(true);
    db.close();
  });
});
