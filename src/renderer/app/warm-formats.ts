// The list's rows show times through ICU formatters whose first construction loads locale data
// (~30 ms on a busy machine). Built while the page waits for the app's code and the list, they are
// ready when the first rows render instead of delaying them.
import { absoluteTime, relativeTime } from '../../shared/time';

/** Builds the time formatters the rows use (shared/time.ts keeps them once built). */
export function warmTimeFormats(now: number = Date.now()): void {
  const text = new Date(now).toISOString();
  relativeTime(text, now);
  absoluteTime(text);
}
