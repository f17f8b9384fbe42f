// Full-text search as the rest of the app sees it, wherever it runs: in-process (SearchService)
// or in a worker thread (SearchWorkerClient).
import type { IndexProgress, SearchResults } from '../../shared/types';
import type { UsageReport, UsageRequest } from '../../shared/usage';
import type { SearchRequest } from './search-service';

/** Full-text search as the handlers need it: in-process (SearchService) or in a worker. */
export interface SearchBackend {
  search(request: SearchRequest): Promise<SearchResults>;
  sessionMatches(id: string, query: string): Promise<number[]> | number[];
  progress(): IndexProgress;
  /** Tokens and cost added up from the index. */
  usage(request: UsageRequest): Promise<UsageReport>;
}

/** A search backend the owner also refreshes, listens to and closes. */
export interface SearchHandle extends SearchBackend {
  refresh(): void | Promise<void>;
  onProgress(listener: (p: IndexProgress) => void): () => void;
  close(): Promise<void>;
}
