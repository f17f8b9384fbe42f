// The sessions folder the app is looking at. File > Open Folder… swaps it while the app runs, so
// handlers ask this object for the current store on every call instead of keeping one.
import { stat } from 'node:fs/promises';
import type { StoreInfo } from '../shared/contract';
import { createHandlers, type Handlers } from '../core/service';
import { JsonlStore } from '../core/store';

/** The current store and its handlers. */
export class OpenStore {
  private current: { store: JsonlStore; handlers: Handlers };

  constructor(dir: string) {
    this.current = this.open(dir);
  }

  /** The store to read from now. */
  store(): JsonlStore {
    return this.current.store;
  }

  /** The shared handlers over the current store. */
  handlers(): Handlers {
    return this.current.handlers;
  }

  /** Switches to the store in `dir`. */
  repoint(dir: string): void {
    this.current = this.open(dir);
  }

  /** What the renderer is told about the current folder. */
  async info(): Promise<StoreInfo> {
    const dir = this.current.store.dir();
    const exists = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return { dir, exists, mode: 'electron' };
  }

  private open(dir: string): { store: JsonlStore; handlers: Handlers } {
    const store = new JsonlStore(dir);
    return { store, handlers: createHandlers(store, () => this.info()) };
  }
}
