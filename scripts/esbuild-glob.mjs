// An esbuild plugin for the one form of Vite's import.meta.glob the code uses:
// `import.meta.glob<T>('./*/<file>', { eager: true })`, the modules of every sub-folder's <file>
// by path. esbuild has no such call; Vite (the app) and vitest (the tests) do, and every esbuild
// bundle (the CLI, the benchmarks, the workers tests start) adds this plugin, so a source folder is
// found alike everywhere (src/core/sources/registry.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CALL = /import\.meta\.glob(?:<[^>]*>)?\(\s*'\.\/\*\/([^'/*]+)'\s*,\s*\{\s*eager:\s*true\s*\}\s*\)/g;

/** The source of `file` with each glob call replaced by an object of imported modules. */
export function expandGlobs(file, text) {
  const imports = [];
  const out = text.replace(CALL, (_call, name) => {
    const dir = dirname(file);
    const entries = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, name)))
      .map((e) => e.name)
      .sort();
    const members = entries.map((folder) => {
      const id = `__glob${imports.length}`;
      imports.push(`import * as ${id} from './${folder}/${name}';`);
      return `${JSON.stringify(`./${folder}/${name}`)}: ${id}`;
    });
    return `{ ${members.join(', ')} }`;
  });
  // The bundles are CommonJS, where import.meta is empty: the registry's fallback (unbundled
  // code) names its folder with import.meta.dirname.
  const plain = out.replaceAll('import.meta.dirname', '__dirname');
  return imports.length === 0 && plain === text ? text : `${imports.join('\n')}\n${plain}`;
}

/** The plugin: registry files (the one place the code calls import.meta.glob, checked here so
 * that esbuild does not hand every file to JavaScript) get it expanded. */
export const globPlugin = {
  name: 'import-meta-glob',
  setup(build) {
    build.onLoad({ filter: /[\\/]registry\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.glob')) return undefined;
      return { contents: expandGlobs(args.path, text), loader: 'ts' };
    });
  },
};
