// The current time for relative dates ("5 minutes ago"), redrawn once a minute.
import { useEffect, useState } from 'react';

/** Relative times are redrawn this often. */
const CLOCK_TICK_MS = 60_000;

/** Milliseconds since the epoch, updated every minute. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
