// What the live benchmark needs from the TypeScript sources, in one entry that run.mjs bundles
// with esbuild (the benchmark runs with plain `node`).
export { SESSION_APPENDED_EVENT } from '../../src/shared/contract';
export { JsonlStore } from '../../src/core/store';
export { messageLine } from '../../src/core/serialize';
export { MainLive } from '../../src/main/live';
export { LiveStore } from '../../src/core/live/live-store';
export { writeManySmallSessions, writeSession } from '../../e2e/support/sessions';
