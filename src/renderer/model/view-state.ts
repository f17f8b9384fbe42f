// What the reader opened in one transcript: expanded outputs and inputs, open reasoning, open
// checkpoints, expanded code inside text. Kept outside the components, so it survives a message
// scrolling out of a virtual list and so find can open what its match is in.

/** The key of part `part` of block `block` of message `message`. */
export function partKey(message: number, block: number, part: string): string {
  return `${message}.${block}.${part}`;
}

/** Open/closed state of one transcript's collapsible parts. */
export class ViewState {
  private readonly open = new Map<string, boolean>();
  private readonly local = new Map<string, ReadonlySet<string>>();
  private readonly pages = new Map<string, number>();
  private readonly restStarts = new Map<string, number[]>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** Reasoning sections start open (the "expand all thinking" toggle). */
  reasoningOpen = false;

  /** Whether part `key` is open; `byDefault` when nobody set it. */
  isOpen(key: string, byDefault = false): boolean {
    return this.open.get(key) ?? byDefault;
  }

  /** Opens or closes part `key`. */
  set(key: string, open: boolean): void {
    if (this.open.get(key) === open) return;
    this.open.set(key, open);
    this.changed();
  }

  /** Whether reasoning section `key` is open: its own setting, else the global toggle. */
  isReasoningOpen(key: string): boolean {
    return this.open.get(key) ?? this.reasoningOpen;
  }

  /** Opens or closes every reasoning section (forgetting each one's own setting). */
  setReasoningOpen(open: boolean, reasoningKeys: (key: string) => boolean): void {
    this.reasoningOpen = open;
    for (const key of [...this.open.keys()]) if (reasoningKeys(key)) this.open.delete(key);
    this.changed();
  }

  /** The expand keys opened inside part `key` (code blocks of a text: c0, c1, ...). */
  localKeys(key: string): ReadonlySet<string> {
    return this.local.get(key) ?? EMPTY;
  }

  /** Opens expand key `local` inside part `key`. */
  addLocal(key: string, local: string): void {
    const keys = this.localKeys(key);
    if (keys.has(local)) return;
    this.local.set(key, new Set([...keys, local]));
    this.changed();
  }

  /** The page shown of part `key` when it is too long for one (from 0). */
  page(key: string): number {
    return this.pages.get(key) ?? 0;
  }

  /** Shows page `page` of part `key`. */
  setPage(key: string, page: number): void {
    if (this.page(key) === page) return;
    this.pages.set(key, page);
    this.changed();
  }

  /** Where part `part` of the rest `key` of a cut string starts (its `sessions:text` from), once
   * known: a piece says where the next one starts, and find says where its match's piece does. */
  restStart(key: string, part: number): number | undefined {
    return this.restStarts.get(key)?.[part];
  }

  /** Records where part `part` of the rest `key` starts. */
  setRestStart(key: string, part: number, from: number): void {
    const starts = this.restStarts.get(key) ?? [];
    if (starts[part] === from) return;
    starts[part] = from;
    this.restStarts.set(key, starts);
    this.changed();
  }

  /** Subscribes to every change (for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Grows with every change (for useSyncExternalStore). */
  readonly snapshot = (): number => this.revision;

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}

const EMPTY: ReadonlySet<string> = new Set();
