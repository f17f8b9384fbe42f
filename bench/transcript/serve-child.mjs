// Runs the server over one directory in a process of its own, so the benchmark can read that
// process's peak memory (VmHWM). Prints the URL and token as one JSON line, then serves.
import { createRequire } from 'node:module';

const [lib, dir, rendererDir] = process.argv.slice(2);
const { serve } = createRequire(import.meta.url)(lib);
const server = await serve(dir, rendererDir);
console.log(JSON.stringify({ url: server.url, port: server.port, token: server.token }));
