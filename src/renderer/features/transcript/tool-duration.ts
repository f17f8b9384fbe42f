// How long a tool ran, where the file says: the time from the message with the call to the
// message with its result, when both carry a timestamp.
import type { TranscriptMessage } from '../../../shared/transcript';
import { isZeroTime } from '../../../shared/gotime';
import { parseTime } from '../../../shared/time';

/** Milliseconds from `call`'s message to `result`'s, or null when either has no time. */
export function toolDurationMs(call: TranscriptMessage, result: TranscriptMessage): number | null {
  if (isZeroTime(call.timestamp) || isZeroTime(result.timestamp)) return null;
  const ms = parseTime(result.timestamp) - parseTime(call.timestamp);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** "850 ms", "4.2 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
