// The controls above the list: filter, sort, date range, vendor chips and the row count.
import { useMemo } from 'react';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import {
  DATE_RANGES,
  SORT_KEYS,
  chipsOf,
  isNarrowed,
  type Chip,
  type DateRange,
  type SortKey,
} from './list-view';

const SORT_LABELS: Record<SortKey, string> = {
  updated: 'Last updated',
  created: 'Created',
  title: 'Title',
  size: 'Size',
};

const RANGE_LABELS: Record<DateRange, string> = {
  any: 'Any time',
  today: 'Today',
  '7d': 'Past 7 days',
  '30d': 'Past 30 days',
  '365d': 'Past year',
};

/** "N sessions", or "N of M sessions" while something narrows the list. */
export function countLabel(shown: number, total: number, narrowed: boolean): string {
  if (narrowed) return `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} sessions`;
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'session' : 'sessions'}`;
}

/** One group of toggle chips (vendors or models). */
function ChipGroup(props: {
  label: string;
  testId: string;
  chips: Chip[];
  on: readonly string[];
  toggle(value: string): void;
}) {
  if (props.chips.length === 0) return null;
  return (
    <div className="vendor-chips" role="group" aria-label={props.label}>
      {props.chips.map((chip) => (
        <button
          key={chip.value}
          type="button"
          className="chip"
          data-testid={props.testId}
          data-value={chip.value}
          aria-pressed={props.on.includes(chip.value)}
          onClick={() => props.toggle(chip.value)}
        >
          <Name text={chip.value} fallback="unknown" className="name-line" tooltip />
          <span className="chip-count">{chip.count}</span>
        </button>
      ))}
    </div>
  );
}

/** Filter input, sort and date selects, vendor and model chips and count. */
export function ListControls() {
  const view = useAppStore((s) => s.view);
  const sessions = useAppStore((s) => s.sessions);
  const shown = useAppStore((s) => s.visible.length);
  const setFilter = useAppStore((s) => s.setFilter);
  const setSort = useAppStore((s) => s.setSort);
  const setDateRange = useAppStore((s) => s.setDateRange);
  const toggleChip = useAppStore((s) => s.toggleChip);
  const setPeriod = useAppStore((s) => s.setPeriod);
  const vendorChips = useMemo(() => chipsOf(sessions, 'vendor'), [sessions]);
  const modelChips = useMemo(() => chipsOf(sessions, 'model'), [sessions]);

  return (
    <div className="list-controls">
      <input
        id="session-filter"
        className="filter-input"
        data-testid="session-filter"
        type="search"
        placeholder="Filter by title, id, model, vendor, folder"
        aria-label="Filter sessions"
        aria-keyshortcuts="Control+K Meta+K"
        autoComplete="off"
        spellCheck={false}
        value={view.filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="list-selects">
        <label className="select-label">
          <span className="visually-hidden">Sort by</span>
          <select
            data-testid="sort-select"
            value={view.sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span className="visually-hidden">Updated</span>
          <select
            data-testid="date-range"
            value={view.dateRange}
            onChange={(e) => setDateRange(e.target.value as DateRange)}
          >
            {DATE_RANGES.map((range) => (
              <option key={range} value={range}>
                {RANGE_LABELS[range]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ChipGroup
        label="Vendors"
        testId="vendor-chip"
        chips={vendorChips}
        on={view.vendors}
        toggle={(value) => toggleChip('vendors', value)}
      />
      <ChipGroup
        label="Models"
        testId="model-chip"
        chips={modelChips}
        on={view.models}
        toggle={(value) => toggleChip('models', value)}
      />
      {view.period && (
        <div className="vendor-chips" role="group" aria-label="Start days">
          <button
            type="button"
            className="chip"
            data-testid="period-chip"
            aria-pressed="true"
            title="Show sessions of any day"
            onClick={() => setPeriod(null)}
          >
            Started{' '}
            {view.period.from === view.period.to
              ? view.period.from
              : `${view.period.from} – ${view.period.to}`}{' '}
            ×
          </button>
        </div>
      )}
      <div className="session-count" data-testid="session-count" aria-live="polite">
        {countLabel(shown, sessions.length, isNarrowed(view))}
      </div>
    </div>
  );
}
