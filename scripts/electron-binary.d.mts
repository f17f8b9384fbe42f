// Types for electron-binary.mjs (shared by `npm start` and the Electron e2e tests).

/** The binary's path, or null when there is none. */
export function electronBinary(repoRoot: string): string | null;

/** How to get the binary, for the one line printed when it is missing. */
export const ELECTRON_HOW_TO: string;
