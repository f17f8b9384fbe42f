// Telling a damaged index file from a busy one: only damage gets the file replaced.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import { describe, expect, it } from 'vitest';
import { compactIndex, isSound, openIndexDatabase } from '../../src/core/search/database';
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

describe('compactIndex', () => {
  const count = (db: Database, pragma: string) => Object.values(db.get(`PRAGMA ${pragma}`)!)[0] as number;

  it('gives the pages merges freed back to the file system, once they are more than a few', () => {
    const file = join(tempDir(), 'index.sqlite');
    const { db } = openIndexDatabase(file);
    try {
      expect(count(db, 'auto_vacuum')).toBe(2); // incremental: pages can be given back later
      db.exec('CREATE TABLE kept(b BLOB); CREATE TABLE filler(b BLOB)');
      db.exec('INSERT INTO kept VALUES (zeroblob(2000000))');
      db.exec('INSERT INTO filler VALUES (zeroblob(4000000))');
      db.exec('DELETE FROM filler');
      expect(count(db, 'freelist_count')).toBeGreaterThan(900);
      compactIndex(db);
      expect(count(db, 'freelist_count')).toBe(0);
      expect(statSync(file).size).toBeLessThan(2_200_000);
      // A few free pages stay: moving pages to give them back costs more than they weigh.
      db.exec('INSERT INTO filler VALUES (zeroblob(40000))');
      db.exec('DELETE FROM filler');
      const few = count(db, 'freelist_count');
      expect(few).toBeGreaterThan(0);
      compactIndex(db);
      expect(count(db, 'freelist_count')).toBe(few);
    } finally {
      db.close();
    }
  });
});
