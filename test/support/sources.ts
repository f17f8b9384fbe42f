// Test helpers for the source adapters: fixture folders, private copies of them, and a source
// opened over a copy with the shipped price table.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportHeader, messageMarkdown } from '../../src/core/export/export-markdown';
import { loadPriceTable } from '../../src/core/sources/pricing/pricing';
import type { SessionSource, SourceAdapter } from '../../src/core/sources/source';
import type { Session } from '../../src/shared/types';

/** The Claude Code fixtures: a `projects` folder and the goldens made from it. */
export const CLAUDE_FIXTURES = resolve(__dirname, '../fixtures/claude-code');
/** The Codex CLI fixtures: a CODEX_HOME-like folder and the goldens made from it. */
export const CODEX_FIXTURES = resolve(__dirname, '../fixtures/codex');

/** A private copy of `dir` (fixtures are never written to). */
export function copyOf(dir: string): string {
  const to = join(mkdtempSync(join(tmpdir(), 'transcripts-source-')), 'copy');
  cpSync(dir, to, { recursive: true });
  return to;
}

/** `adapter` opened over `roots` with the shipped prices (no user price file). */
export function openSource(adapter: SourceAdapter, roots: string[]): SessionSource {
  return adapter.open(roots, { prices: loadPriceTable({ TRANSCRIPTS_PRICES: '/nonexistent/prices.json' }) });
}

/** The Markdown export of a loaded session, in ggcode's layout. */
export function exportOf(session: Session): string {
  return exportHeader(session, session.messages.length) + session.messages.map(messageMarkdown).join('');
}
