// The ggcode source: the store as it always was (ids, export bytes, writes and deletes unchanged),
// behind the source interface. Its live updates are the store's own (src/core/live).
import { join } from 'node:path';
import type { Session, SessionList } from '../../../shared/types';
import { isValidId } from '../../ids';
import { summaryFileFor } from '../../search/cache-dir';
import { SESSION_FILE, JsonlStore } from '../../store';
import type { SessionSource, SourceAdapter, WatchTarget } from '../source';

/** The adapter. */
export const adapter: SourceAdapter = {
  name: 'ggcode',
  label: 'ggcode',
  readOnly: false,
  primary: true,
  defaults: '--dir DIR, $SESSIONS_DIR, else ~/.ggcode/sessions',
  defaultRoots: ({ env, home }) => [env.SESSIONS_DIR || join(home, '.ggcode', 'sessions')],
  rootsFor: (dir) => [dir],
  open: (roots, { cacheDir }) => {
    const dir = roots[0] ?? '.';
    if (!cacheDir) return new GgcodeSource(new JsonlStore(dir));
    let summaryFile: string | undefined;
    // A getter: the file is named by a hash of the folder, worked out only when a list reads or
    // keeps the summaries (an export never does, and so never loads node:crypto).
    const options = {
      get summaryFile() {
        return (summaryFile ??= summaryFileFor(cacheDir, dir));
      },
    };
    return new GgcodeSource(new JsonlStore(dir, options));
  },
};

/** ggcode's store as a source. */
export class GgcodeSource implements SessionSource {
  readonly adapter = adapter;
  readonly roots: readonly string[];

  constructor(readonly store: JsonlStore) {
    this.roots = [store.dir()];
  }

  /** Any valid id: ids of other sources are routed to them first (see Catalog). */
  owns(id: string): boolean {
    return isValidId(id);
  }

  list(): Promise<SessionList> {
    return this.store.listing();
  }

  load(id: string): Promise<Session> {
    return this.store.load(id);
  }

  async files(id: string): Promise<string[] | null> {
    return isValidId(id) ? [join(this.store.dir(), `${id}.jsonl`)] : null;
  }

  watchTargets(): WatchTarget[] {
    return [{ dir: this.store.dir(), recursive: false }];
  }

  sessionOfPath(path: string): string | null {
    const id = SESSION_FILE.exec(path.slice(this.store.dir().length + 1))?.[1];
    return id !== undefined && isValidId(id) ? id : null;
  }

  delete(id: string): Promise<boolean> {
    return this.store.delete(id);
  }
}
