// What the usage benchmark needs from the TypeScript sources, bundled by run.mjs with esbuild.
export { JsonlStore } from '../../src/core/store';
export { startServer } from '../../src/server/server';
export { CHROMIUM_LAUNCH_OPTIONS } from '../../e2e/support/chromium';
export { defaultUsageRequest } from '../../src/shared/usage';
