// Where find's current match is painted, read inside the page: what the find specs step through.
import type { Page } from '@playwright/test';

/** The current match as painted: its text (lower case), whether it is inside the transcript's
 * scroll box, and whether it is in the piece "Show all" draws of a cut string's rest. */
export function currentMatch(page: Page): Promise<{ text: string[]; visible: boolean; inRest: boolean }> {
  return page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('find-current') ?? [])] as Range[];
    const body = document.querySelector('[data-testid="transcript-body"]')!.getBoundingClientRect();
    const box = ranges[0]?.getBoundingClientRect();
    const visible = box !== undefined && box.bottom > body.top && box.top < body.bottom;
    const node = ranges[0]?.startContainer.parentElement;
    const inRest = node?.closest('[data-testid="rest-piece"]') !== null && node !== undefined;
    return { text: ranges.map((r) => r.toString().toLowerCase()), visible, inRest };
  });
}
