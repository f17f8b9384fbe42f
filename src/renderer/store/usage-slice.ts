// The usage slice: the Usage view's span and interval, its reports (over time and by model,
// vendor, folder and source, all from the index's usage table), and what clicking in it does to
// the session list.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { GGCODE } from '../../shared/sources';
import { periodOf, spanStart } from '../model/usage-period';
import type { AppState, StoreDeps, UsageSlice } from './app-state';

/** Builds the usage slice. */
export function createUsageSlice(deps: StoreDeps): StateCreator<AppState, [], [], UsageSlice> {
  return (set, get) => {
    // Only the newest load may land: the span or interval can change while one runs.
    let request = 0;
    const patch = (change: Partial<AppState['usage']>) => set({ usage: { ...get().usage, ...change } });

    return {
      usage: {
        open: false,
        span: '365d',
        interval: 'day',
        state: 'idle',
        error: null,
        time: null,
        tookMs: 0,
      },

      openUsage() {
        patch({ open: true });
        void get().loadUsage();
      },
      closeUsage: () => patch({ open: false }),
      setUsageSpan(span) {
        patch({ span });
        void get().loadUsage();
      },
      setUsageInterval(interval) {
        patch({ interval });
        void get().loadUsage();
      },

      async loadUsage() {
        const mine = ++request;
        const { span, interval } = get().usage;
        const since = spanStart(span, deps.now());
        const started = performance.now();
        if (get().usage.state !== 'ready') patch({ state: 'loading' });
        try {
          // One request: the index scans its usage table once for the chart and the breakdowns.
          const time = await deps.api.usageReport({
            by: interval,
            breakdowns: true,
            ...(since && { since }),
          });
          if (mine !== request) return;
          patch({ state: 'ready', error: null, time, tookMs: performance.now() - started });
        } catch (error) {
          if (mine !== request) return;
          patch({ state: 'error', error: errorLine(error) });
        }
      },

      showPeriodSessions(key) {
        get().setPeriod(periodOf(key, get().usage.interval));
      },

      showNamedSessions(by, key) {
        if (by === 'model' || by === 'vendor') {
          const field = by === 'model' ? 'models' : 'vendors';
          if (!get().view[field].includes(key)) get().toggleChip(field, key);
        } else if (by === 'workspace') get().setFilter(key);
        else if (by === 'source') {
          // The list's Source menu knows ggcode's sessions as '' (their summaries carry no source).
          const value = key === GGCODE ? '' : key;
          if (!get().view.sources.includes(value)) get().toggleChip('sources', value);
        }
      },
    };
  };
}
