// `npm start`: builds once, then starts the desktop app, or, where Electron's binary is missing,
// says so in one line and serves the same app to a browser (`sessions serve`) until stopped.
// Arguments after `npm start --` go to the app (`--dir DIR`); `--skip-build` skips the build.
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_HOW_TO, electronBinary } from './electron-binary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const appArgs = args.filter((a) => a !== '--skip-build');

if (!skipBuild) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('npm start: the build failed (see above)\n');
    process.exit(build.status ?? 1);
  }
}

const binary = electronBinary(ROOT);
const child = binary
  ? spawn(binary, [ROOT, ...appArgs], { cwd: ROOT, stdio: 'inherit' })
  : startBrowserMode();

function startBrowserMode() {
  process.stderr.write(
    `Electron's binary is not installed (${ELECTRON_HOW_TO}); starting Transcripts in browser mode instead.\n`,
  );
  // `serve` takes the app's global options (--dir) before the command.
  return spawn(process.execPath, [join(ROOT, 'bin', 'sessions.cjs'), ...appArgs, 'serve'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

// Stopping `npm start` stops the app; its own exit code becomes ours.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
child.on('error', (error) => {
  process.stderr.write(
    `npm start: could not start ${binary ?? 'the browser-mode server'}: ${error.message}\n`,
  );
  process.exit(1);
});
