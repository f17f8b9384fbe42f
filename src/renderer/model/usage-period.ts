// The Usage view's time arithmetic on day keys (YYYY-MM-DD, the sessions' own start days): the
// days a chart bar covers, and the first day of a span back from today.
import { DEFAULT_USAGE_DAYS, firstOfLastDays } from '../../shared/usage';
import type { StartPeriod } from './list-view';

/** How far back the view looks. */
export const USAGE_SPANS = ['30d', '90d', '365d', 'all'] as const;
/** One span. */
export type UsageSpan = (typeof USAGE_SPANS)[number];

/** What one bar of the time chart covers. */
export const USAGE_INTERVALS = ['day', 'week', 'month'] as const;
/** One interval. */
export type UsageInterval = (typeof USAGE_INTERVALS)[number];

const DAYS: Record<Exclude<UsageSpan, 'all'>, number> = { '30d': 30, '90d': 90, '365d': DEFAULT_USAGE_DAYS };

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day `span` covers at `now` (undefined for all time). */
export function spanStart(span: UsageSpan, now: Date): string | undefined {
  return span === 'all' ? undefined : firstOfLastDays(DAYS[span], now);
}

/** The day `days` after `day` (calendar arithmetic in UTC, so no offset can shift it). */
export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The start days a bar keyed `key` covers: a day, the week from its Monday, or a month (YYYY-MM). */
export function periodOf(key: string, interval: UsageInterval): StartPeriod {
  switch (interval) {
    case 'day':
      return { from: key, to: key };
    case 'week':
      return { from: key, to: addDays(key, 6) };
    case 'month': {
      const [y, m] = key.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return { from: `${key}-01`, to: `${key}-${pad(last)}` };
    }
  }
}

/** Seconds since the epoch of a key's first day at UTC midnight: the chart's x value. */
export function keySeconds(key: string, interval: UsageInterval): number {
  return Date.parse(`${periodOf(key, interval).from}T00:00:00Z`) / 1000;
}
