// Which sources a `sessions` command reads: each agent at its default place when that exists,
// SESSIONS_DIR / CLAUDE_CONFIG_DIR / CODEX_HOME and TRANSCRIPTS_SOURCES from the environment,
// then --dir, --source NAME[=DIR] and --no-source NAME from the command line.
import { defaultCacheDir } from '../core/search/cache-dir';
import { Catalog } from '../core/sources/catalog';
import { loadPriceTable } from '../core/sources/pricing/pricing';
import {
  checkSourceName,
  choicesFromEnv,
  mergeChoices,
  resolveSources,
  sourceContext,
  UnknownSourceError,
  type SourceChoices,
  type SourceSetting,
} from '../core/sources/selection';
import { ADAPTERS } from '../core/sources/registry';
import { UsageError, type Command } from './args';

/** The choices the command line makes. A bare `--source NAME` means "only the named sources". */
function choicesFromCommand(cmd: Command): SourceChoices {
  const out: SourceChoices = {};
  if (cmd.dir !== undefined) out.ggcode = { enabled: true, dir: cmd.dir };
  const named = new Set(cmd.sources.map((s) => s.name));
  if (cmd.sources.some((s) => s.dir === undefined))
    for (const a of ADAPTERS) if (!named.has(a.name)) out[a.name] = { enabled: false };
  for (const s of cmd.sources)
    out[s.name] = { ...out[s.name], enabled: true, ...(s.dir !== undefined && { dir: s.dir }) };
  for (const name of cmd.noSources) out[name] = { enabled: false };
  return out;
}

/** The sources `cmd` reads in `env`. Unknown names are usage errors. */
export function sourcesFor(cmd: Command, env: NodeJS.ProcessEnv): SourceSetting[] {
  try {
    for (const s of cmd.sources) checkSourceName(s.name);
    for (const name of cmd.noSources) checkSourceName(name);
    return resolveSources(mergeChoices(choicesFromEnv(env), choicesFromCommand(cmd)), sourceContext(env));
  } catch (error) {
    if (error instanceof UnknownSourceError) throw new UsageError(error.message);
    throw error;
  }
}

/** The catalog `cmd` reads in `env` (keeping list summaries in the cache folder). */
export function catalogFor(cmd: Command, env: NodeJS.ProcessEnv): Catalog {
  return Catalog.open(
    sourcesFor(cmd, env),
    loadPriceTable(env),
    env.TRANSCRIPTS_CACHE_DIR || defaultCacheDir(env),
  );
}
