// A local ESLint rule that fences the layers: each import is resolved against the importing file,
// and the folder it lands in must be one its layer may use. Resolving the path (rather than
// matching the import text) is what tells `../main` from `src/main`.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** True when `file` (repository-relative, '/'-separated) is `folder` or inside it. */
function within(file, folder) {
  return file === folder || file.startsWith(`${folder}/`);
}

/** The fence in `fences` whose `from` holds `file`, the most specific (longest) first. */
function fenceOf(fences, file) {
  return [...fences].sort((a, b) => b.from.length - a.from.length).find((fence) => within(file, fence.from));
}

/** True when the bare specifier `spec` is the package `name` or one of its subpaths; `node:`
 * stands for every Node built-in, with or without the prefix. */
function isPackage(spec, name) {
  if (name === 'node:') return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
  return spec === name || spec.startsWith(`${name}/`);
}

/** Why importing `spec` from `file` breaks `fence`, or null when it may. */
function breach(fence, file, spec, root, testSupport) {
  if (!spec.startsWith('.')) {
    const name = (fence.packages ?? []).find((p) => isPackage(spec, p));
    return name === undefined ? null : `'${fence.from}' may not import the package '${spec}'`;
  }
  const target = path
    .relative(root, path.resolve(root, path.dirname(file), spec))
    .split(path.sep)
    .join('/');
  const isTest = /\.test\.tsx?$/.test(file);
  const allow = [...(fence.allow ?? [target]), ...(isTest ? testSupport : [])];
  const allowed = within(target, fence.from) || allow.some((folder) => within(target, folder));
  if (!allowed) return `'${fence.from}' may import only ${fence.allow.join(', ')}, not '${target}'`;
  const denied = (fence.deny ?? []).find((folder) => within(target, folder));
  return denied === undefined ? null : `'${fence.from}' may not import '${denied}' ('${target}')`;
}

/** The rule: options are `{ fences: [{ from, allow?, deny?, packages? }], testSupport? }`, paths from
 * the root; a `*.test.ts(x)` file may also import the `testSupport` folders. */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the folders it may import (docs/architecture.md).' },
    schema: [
      {
        type: 'object',
        properties: { fences: { type: 'array' }, testSupport: { type: 'array' } },
        additionalProperties: false,
      },
    ],
    messages: { leak: 'Layer leak: {{why}}. See docs/architecture.md.' },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const fence = fenceOf(context.options[0]?.fences ?? [], file);
    if (fence === undefined) return {};
    const check = (node) => {
      const spec = node.source?.type === 'Literal' ? node.source.value : null;
      if (typeof spec !== 'string') return;
      const why = breach(fence, file, spec, root, context.options[0]?.testSupport ?? []);
      if (why !== null) context.report({ node: node.source, messageId: 'leak', data: { why } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** The plugin holding the rule, as flat config takes it. */
export default { rules: { 'layer-imports': rule } };
