// jsdom has no layout. This gives the transcript's scroll box and its virtual rows the sizes a
// browser would: a box of `viewport` px, rows of `row` px, a scroll height that is the virtual
// list's full height, and no scrolling past the end, so scrolling, following and the list's
// windowing can be tested. The session list gets a tall box so that its rows show; other elements
// keep the sizes they had. A ResizeObserver reports those sizes a task after observing, as a
// browser does after its next layout.
import { vi } from 'vitest';

type Scrollable = HTMLElement & { scrollTo?: (options: ScrollToOptions) => void };

/** jsdom's own scrollTop, taken before any test replaces it. */
const NATIVE_SCROLL_TOP = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
const sizes = { row: 100, viewport: 300 };
const tops = new WeakMap<Element, number>();

const isBody = (el: Element) => el.getAttribute('data-testid') === 'transcript-body';

function listHeight(el: Element): number {
  const rows = isBody(el) ? el.querySelector<HTMLElement>('.transcript-rows') : null;
  return rows ? parseFloat(rows.style.height) || 0 : 0;
}

function installed(): boolean {
  return vi.isMockFunction(Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')?.get);
}

/** Observers of the fake layout, told again when a test changes its sizes. */
const observers = new Set<FakeResizeObserver>();

class FakeResizeObserver implements ResizeObserver {
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {}

  observe(target: Element): void {
    this.targets.add(target);
    observers.add(this);
    this.report([target]);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
    observers.delete(this);
  }

  /** Reports `targets` (those still observed and in the document) a task from now. */
  report(targets: Iterable<Element> = this.targets): void {
    const due = [...targets];
    setTimeout(() => {
      const entries = due
        .filter((t) => this.targets.has(t) && t.isConnected && t instanceof HTMLElement)
        .map((t) => entryFor(t as HTMLElement));
      if (entries.length) this.callback(entries, this);
    });
  }
}

function entryFor(target: HTMLElement): ResizeObserverEntry {
  const size = { inlineSize: target.clientWidth, blockSize: target.offsetHeight || target.clientHeight };
  const rect = DOMRectReadOnly.fromRect({ width: size.inlineSize, height: size.blockSize });
  return {
    target,
    contentRect: rect,
    borderBoxSize: [size],
    contentBoxSize: [size],
    devicePixelContentBoxSize: [size],
  };
}

/** Installs the fake layout (or changes its sizes) until vi.restoreAllMocks(); element.scrollTo,
 * which jsdom lacks and the virtual list scrolls with, stays. */
export function fakeTranscriptLayout(row = 100, viewport = 300): void {
  sizes.row = row;
  sizes.viewport = viewport;
  (HTMLElement.prototype as Scrollable).scrollTo ??= function (this: HTMLElement, options: ScrollToOptions) {
    if (options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  };
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  for (const observer of observers) observer.report();
  if (installed()) return;
  // Elements other than the transcript's keep whatever sizes they had (a test may give some).
  const prior = (name: string) => {
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    const getter = (own ?? Object.getOwnPropertyDescriptor(Element.prototype, name))!.get!;
    return (el: HTMLElement) => getter.call(el) as number;
  };
  const fake = (
    name: 'clientHeight' | 'clientWidth' | 'offsetHeight' | 'scrollHeight',
    size: (el: HTMLElement) => number | null,
  ) => {
    const before = prior(name);
    vi.spyOn(HTMLElement.prototype, name, 'get').mockImplementation(function (this: HTMLElement) {
      return size(this) ?? before(this);
    });
  };
  fake('clientHeight', (el) =>
    isBody(el) ? sizes.viewport : el.getAttribute('data-testid') === 'session-list' ? 800 : null,
  );
  fake('clientWidth', (el) => (isBody(el) ? 800 : null));
  fake('offsetHeight', (el) => (el.classList.contains('transcript-row') ? sizes.row : null));
  fake('scrollHeight', (el) => (isBody(el) ? listHeight(el) : null));
  vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get').mockImplementation(function (this: HTMLElement) {
    return isBody(this) ? (tops.get(this) ?? 0) : (NATIVE_SCROLL_TOP.get!.call(this) as number);
  });
  vi.spyOn(HTMLElement.prototype, 'scrollTop', 'set').mockImplementation(function (
    this: HTMLElement,
    top: number,
  ) {
    if (!isBody(this)) return NATIVE_SCROLL_TOP.set!.call(this, top);
    tops.set(this, Math.max(0, Math.min(top, listHeight(this) - sizes.viewport)));
  });
}
