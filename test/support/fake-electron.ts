// The 'electron' module for main-process tests that run the real entry: each test builds its own
// stand-in and puts it in `fake.electron`; the mocked module's names read whichever is current.
// Use: vi.mock('electron', async () => (await import('<path>/test/support/fake-electron')).electronModule());

/** The names of Electron's module the main entry imports. */
const NAMES = [
  'app',
  'BrowserWindow',
  'dialog',
  'ipcMain',
  'Menu',
  'protocol',
  'session',
  'shell',
  'nativeImage',
];

/** Where the stand-in is kept: on globalThis, since the test and the mock factory may each get
 * their own copy of this module (the tests reset modules to start the entry afresh). */
const KEY = Symbol.for('transcripts.test.fake-electron');

/** The Electron stand-in of the test that is running. */
export const fake = ((globalThis as Record<symbol, unknown>)[KEY] ??= { electron: {} }) as {
  electron: Record<string, unknown>;
};

/** The mocked module, made once: its getters read the stand-in of the test that is running. */
export function electronModule(): Record<string, unknown> {
  const module = {};
  for (const name of NAMES) {
    Object.defineProperty(module, name, { enumerable: true, get: () => fake.electron[name] });
  }
  return module;
}
