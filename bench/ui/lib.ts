// What the UI benchmark needs from the TypeScript sources, in one entry that run.mjs bundles with
// esbuild (Node cannot import .ts by itself, and the benchmark must run with plain `node`).
export { addToIndex, writeManySmallSessions, writeSession } from '../../e2e/support/sessions';
export { CHROMIUM_LAUNCH_OPTIONS } from '../../e2e/support/chromium';
