// Usage reports kept between index updates: the Usage view asks for the same figures every time it
// opens, and in WebAssembly SQLite adding up 10,000 sessions by day and by four names takes about
// 100 ms. After each update the cache is emptied and the view's default request computed at once
// (in the search worker, off the UI), so opening the view answers from memory.
import { defaultUsageRequest, type UsageReport, type UsageRequest } from '../../shared/usage';
import type { SearchIndex } from './search-index';

type Figures = Omit<UsageReport, 'progress' | 'took_ms'>;

/** The reports computed since the last index update, by request. */
export class UsageCache {
  private readonly reports = new Map<string, Figures>();

  /** The report for `request`, computed on `index` unless it already was since the last update;
   * kept only when `keep` (not while an update runs: its figures are about to change). */
  report(index: SearchIndex, request: UsageRequest, keep = true): Figures {
    const key = JSON.stringify([
      request.by,
      request.since ?? null,
      request.until ?? null,
      request.breakdowns === true,
    ]);
    let figures = this.reports.get(key);
    if (!figures) {
      figures = index.usage(request);
      if (keep) this.reports.set(key, figures);
    }
    return figures;
  }

  /** The index changed: forgets every report, then computes the view's default one (as of `now`). */
  updated(index: SearchIndex | null, now = new Date()): void {
    this.reports.clear();
    if (index) this.report(index, defaultUsageRequest(now));
  }
}
