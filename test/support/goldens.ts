// Golden files for the source adapters: a test compares what the code produces with a file kept
// in the repository; `UPDATE_GOLDEN=1` rewrites the files instead (then review the diff by eye).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import { withoutStoredText } from './stored-text';

/** Expects `actual` to be the content of `file` (written there when UPDATE_GOLDEN is set). */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A value as the golden JSON files hold it (a model: without the stored texts it was read from). */
export function goldenJson(value: unknown): string {
  return JSON.stringify(value, withoutStoredText, 2) + '\n';
}
