// Messages between the search worker and its client.
import type { IndexProgress, SearchResults } from '../../shared/types';
import type { SourceSetting } from '../sources/selection';
import type { UsageReport, UsageRequest } from '../../shared/usage';
import type { SearchRequest } from './search-service';

/** What the worker is started with (workerData): ggcode's folder, or the sources to read. */
export interface WorkerInit {
  dir: string;
  indexFile: string;
  sources?: SourceSetting[];
  /** The index's reader thread script (SearchIndexOptions.readerFile). */
  readerFile?: string;
  /** Where indexing stood when this worker took over from another (none: a first build is due). */
  progress?: IndexProgress;
}

/** Client -> worker. */
export type ToWorker =
  | { type: 'refresh' }
  | { type: 'search'; id: number; request: SearchRequest }
  | { type: 'matches'; id: number; sessionId: string; query: string }
  | { type: 'usage'; id: number; request: UsageRequest }
  | { type: 'close' };

/** Worker -> client. */
export type FromWorker =
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'result'; id: number; ok: true; value: SearchResults | number[] | UsageReport }
  | { type: 'result'; id: number; ok: false; error: string; cancelled: boolean }
  /** The updates asked for are over: none runs or is due. */
  | { type: 'settled' }
  /** `interrupted`: an update was running or due when the worker closed (its successor redoes it). */
  | { type: 'closed'; interrupted: boolean };
