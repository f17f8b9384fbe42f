// A tiny stand-in for out/renderer, so the server tests do not depend on a build: an index, two
// assets, and a secret file plus a symlink outside the root that must never be served.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from './corpus';

/** Paths of a fake renderer and the things around it. */
export interface FakeRenderer {
  /** The directory to pass as rendererDir. */
  root: string;
  /** Text of the file placed beside (outside) the root. */
  secret: string;
  /** The temp directory holding both, to remove afterwards. */
  parent: string;
}

/** Creates the fake renderer in a new temp directory. */
export async function makeFakeRenderer(): Promise<FakeRenderer> {
  const parent = await makeTempDir('transcripts-renderer-');
  const root = join(parent, 'renderer');
  const secret = 'TOP SECRET outside the renderer';
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Transcripts</title><div id="root"></div>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(root, 'assets', 'app.css'), 'body { color: black; }');
  await writeFile(join(parent, 'secret.txt'), secret);
  await symlink(join(parent, 'secret.txt'), join(root, 'assets', 'link.txt'));
  return { root, secret, parent };
}
