#!/usr/bin/env node
// The `sessions` command: runs the bundled CLI, or says how to build it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'cli', 'sessions.cjs');
if (!existsSync(cli)) {
  process.stderr.write('sessions: not built yet; run `npm run build` in the Transcripts folder first\n');
  process.exit(1);
}
require(cli);
