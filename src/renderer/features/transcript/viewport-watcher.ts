// Tells the renderer which message shells are near the viewport of the transcript's scroll box,
// so those render first. Shells register before the box exists (child refs run before parent
// effects), so registrations are kept until attach().

/** How far outside the visible box a message counts as "about to be seen". */
const LOOKAHEAD = '1500px 0px';

/** Watches message shells (elements with data-index) inside one scroll box. */
export class ViewportWatcher {
  private readonly elements = new Set<Element>();
  private observer: IntersectionObserver | null = null;

  /** Starts observing inside `root`, reporting shells that come near with `onNear`; a no-op where
   * IntersectionObserver does not exist. */
  attach(root: Element, onNear: (index: number) => void): void {
    this.detach();
    const View = root.ownerDocument.defaultView?.IntersectionObserver;
    if (!View) return;
    this.observer = new View(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) onNear(Number((entry.target as HTMLElement).dataset.index));
        }
      },
      { root, rootMargin: LOOKAHEAD },
    );
    for (const element of this.elements) this.observer.observe(element);
  }

  /** Stops observing. */
  detach(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** A callback ref for a shell: observes it while it is mounted. */
  readonly watch = (element: Element | null): (() => void) | undefined => {
    if (!element) return undefined;
    this.elements.add(element);
    this.observer?.observe(element);
    return () => {
      this.elements.delete(element);
      this.observer?.unobserve(element);
    };
  };
}
