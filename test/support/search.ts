// A search handle for tests: the in-process service with its index in a fresh temp folder.
import { join } from 'node:path';
import { SearchService } from '../../src/core/search/search-service';
import type { Catalog } from '../../src/core/sources/catalog';
import type { JsonlStore } from '../../src/core/store';
import { tempDir } from './fixtures';

/** An in-process SearchService over `store`, its index file in a temp folder. */
export function tempSearch(store: JsonlStore | Catalog): SearchService {
  return new SearchService(store, join(tempDir('transcripts-index-'), 'index.sqlite'));
}
