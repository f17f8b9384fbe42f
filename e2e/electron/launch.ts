// Starts the built app under Playwright on a private copy of the fixture corpus, with its own
// temp and config folders so that nothing touches the user's real settings or temp files.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { FIXTURES_DIR } from '../support/corpus';
import { REPO_ROOT } from './electron-binary';

/** The read-only fixture corpus (override the fixtures folder with TRANSCRIPTS_FIXTURES). */
export const CORPUS = join(FIXTURES_DIR, 'corpus');

/** The main bundle electron-vite builds. */
export const MAIN_BUNDLE = join(REPO_ROOT, 'out', 'main', 'index.js');

/** A running app and the folders made for it. */
export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  /** The sessions folder passed with --dir (a copy of the corpus). */
  sessionsDir: string;
  /** TMPDIR of the app: its drag-out folder is made here. */
  appTmp: string;
  /** Removes the folders (after app.close()). */
  cleanup: () => Promise<void>;
}

/** The fixture session ids. */
export async function fixtureIds(): Promise<string[]> {
  return (await readdir(CORPUS)).filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
}

/** Launches out/main/index.js with `--dir <copy of the corpus>` and waits for its window. */
export async function launchApp(executablePath: string): Promise<LaunchedApp> {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first`);
  const root = await mkdtemp(join(tmpdir(), 'transcripts-e2e-electron-'));
  const sessionsDir = join(root, 'sessions');
  const appTmp = join(root, 'tmp');
  await cp(CORPUS, sessionsDir, { recursive: true });
  await mkdir(appTmp);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // TMPDIR moves os.tmpdir() (the drag folder); XDG_CONFIG_HOME moves userData on Linux, which
  // holds the settings file and the single-instance lock, so a running copy of the app is not hit.
  env.TMPDIR = appTmp;
  env.XDG_CONFIG_HOME = join(root, 'config');
  // Stars, tags, notes and the trash go to a data folder of the test's own.
  env.TRANSCRIPTS_DATA_DIR = join(root, 'data');
  // A built app must ignore this (only the `npm run dev` bundle reads it): the tests check that the
  // window still shows app://transcripts.
  env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:9/';
  const app = await _electron.launch({
    executablePath,
    args: [MAIN_BUNDLE, '--dir', sessionsDir],
    env,
    cwd: REPO_ROOT,
  });
  const page = await app.firstWindow();
  return { app, page, sessionsDir, appTmp, cleanup: () => rm(root, { recursive: true, force: true }) };
}
