// ESLint flat config: typescript-eslint for all TypeScript, react-hooks for the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint/layer-imports.js';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'bench/.corpus'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS entry points (the bin script) load the bundle with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The fences between layers (docs/architecture.md): a leak fails lint.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: {
      'layers/layer-imports': [
        'error',
        {
          fences: [
            { from: 'src/shared', allow: ['src/shared'], packages: ['electron', 'node:'] },
            { from: 'src/renderer', allow: ['src/renderer', 'src/shared'], packages: ['electron', 'node:'] },
            // The renderer's pure view logic: nothing of React, the store or the features.
            {
              from: 'src/renderer/model',
              allow: ['src/renderer/model', 'src/shared'],
              packages: ['electron', 'node:'],
            },
            {
              from: 'src/renderer/store',
              allow: ['src/renderer', 'src/shared'],
              deny: ['src/renderer/features'],
              packages: ['electron', 'node:'],
            },
            { from: 'src/preload', allow: ['src/preload', 'src/shared'] },
            { from: 'src/main', allow: ['src/main', 'src/core', 'src/shared', 'src/server'] },
            { from: 'src/core', allow: ['src/core', 'src/shared'], packages: ['electron'] },
            {
              from: 'src/cli',
              allow: ['src/cli', 'src/core', 'src/shared', 'src/server'],
              packages: ['electron'],
            },
            { from: 'src/server', allow: ['src/server', 'src/core', 'src/shared'], packages: ['electron'] },
          ],
          // Tests also reach their fixtures and helpers (and main's tests the preload they check).
          testSupport: ['test', 'e2e', 'src/preload', 'src/renderer/test-support'],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
