// Build-time constants electron.vite.config.ts defines for the main bundle.

interface ImportMetaEnv {
  /** True only in the bundle `electron-vite dev` builds (`npm run dev`); false in every other. */
  readonly DEV_SERVER?: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
