// What the search benchmark's tasks run, bundled into one CommonJS file by run.mjs (SQLite's
// WebAssembly package stays external: it loads its .wasm from beside its own script).
export { JsonlStore } from '../../src/core/store';
export { SearchIndex } from '../../src/core/search/search-index';
export { search, sessionMatches } from '../../src/core/search/searcher';
export { SearchWorkerClient } from '../../src/core/search/worker-client';
export { MiniSearchEngine } from './minisearch-engine';
