// Small per-window preferences (sidebar width, recent sessions, collapsed groups) kept in
// localStorage; every read and write survives storage being disabled or full.

/** Where preferences go: localStorage in the app, a Map in tests. */
export interface Prefs {
  get(key: string): string | null;
  /** Stores `value`, or removes the key when it is null. */
  set(key: string, value: string | null): void;
}

/** Preferences over `storage` (null: kept for this window only). */
export function storagePrefs(storage: Storage | null): Prefs {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        return storage ? storage.getItem(key) : (memory.get(key) ?? null);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      if (value === null) memory.delete(key);
      else memory.set(key, value);
      try {
        if (value === null) storage?.removeItem(key);
        else storage?.setItem(key, value);
      } catch {
        // Disabled or full storage: the value lasts for this window (kept in memory above).
      }
    },
  };
}

/** Preferences held in memory only (tests, or when nothing else is given). */
export function memoryPrefs(): Prefs {
  return storagePrefs(null);
}
