// Packaging (`npm run dist`): electron-builder turns the electron-vite build in out/ into
// installers: AppImage and deb on Linux, dmg on macOS, NSIS on Windows (each where its tools run).
import type { Configuration } from 'electron-builder';

/** Native modules are loaded by the OS from real files, never from inside app.asar: any `.node`
 * binary (such as the prebuilt ones a native file-locking module ships) is unpacked beside it. */
export const NATIVE_MODULES = ['**/*.node'];

/** The build and its runtime dependencies go into the app; sources, tests and the CLI bundle do not. */
export const APP_FILES = ['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'];

const config: Configuration = {
  appId: 'dev.transcripts.app',
  productName: 'Transcripts',
  directories: { output: 'dist' },
  files: APP_FILES,
  asar: true,
  asarUnpack: NATIVE_MODULES,
  // Nothing is compiled for Electron: dependencies are plain JS or WebAssembly, and a native one
  // must ship prebuilt Node-API binaries (the ABI every Electron shares).
  npmRebuild: false,
  // Electron's fuses, flipped in the binary before signing: no running as plain Node, no
  // NODE_OPTIONS, no --inspect, the app only from an (integrity-checked, on macOS and Windows)
  // app.asar, encrypted cookies, and no extra file:// privileges since the renderer is app://.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    maintainer: 'Transcripts developers',
  },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false },
};

export default config;
