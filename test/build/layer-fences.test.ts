// The layer fences of eslint.config.js (eslint/layer-imports.js): a leak between layers fails
// lint, and the imports each layer is meant to make pass. Each case lints a small fixture text
// as if it were a file at the given path.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The layer-fence messages ESLint gives `code` placed at `file` (repository-relative). */
async function leaks(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/layer-imports').map((m) => m.message);
}

describe('layer fences', () => {
  it.each([
    ['src/renderer/features/search/leak.ts', "export { parseQuery } from '../../../core/search/searcher';\n"],
    ['src/renderer/app/leak.ts', "import type { Api } from '../../preload/index';\nexport type A = Api;\n"],
    ['src/renderer/app/leak.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['src/renderer/app/leak.ts', "export const load = () => import('../../main/settings');\n"],
    ['src/renderer/store/leak.ts', "export { SessionList } from '../features/session-list/SessionList';\n"],
    ['src/renderer/model/leak.ts', "export { useAppStore } from '../store/store-context';\n"],
    ['src/core/leak.ts', "export { registerIpc } from '../main/ipc';\n"],
    ['src/core/search/leak.ts', "export { serve } from '../../server/server';\n"],
    ['src/core/leak.ts', "export * from '../renderer/store/app-store';\n"],
    ['src/core/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/shared/leak.ts', "export { JsonlStore } from '../core/store';\n"],
    ['src/shared/leak.ts', "import path from 'node:path';\nexport const p = path;\n"],
  ])('%s: %s fails lint', async (file, code) => {
    const found = await leaks(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Layer leak: /);
  });

  it.each([
    ['src/renderer/features/search/ok.ts', "export { parseQuery } from '../../../shared/search/query';\n"],
    ['src/renderer/store/ok.ts', "export { applyListView } from '../model/list-view';\n"],
    ['src/renderer/model/ok.ts', "export { parseTime } from '../../shared/time';\n"],
    ['src/renderer/features/usage/ok.ts', "export { useAppStore } from '../../store/store-context';\n"],
    ['src/core/ok.ts', "export { dispatch } from '../shared/dispatch';\n"],
    ['src/main/ok.ts', "export { createHandlers } from '../core/handlers';\n"],
    ['src/core/ok.test.ts', "export { tempDir } from '../../test/support/fixtures';\n"],
  ])('%s: %s passes', async (file, code) => {
    expect(await leaks(file, code)).toEqual([]);
  });
});
