// Estimated cost for sources that store token counts only (Claude Code, Codex CLI): a price table
// shipped with the app (prices.json, with the date it was taken), which a user file may extend
// or correct. Every cost made here says it is estimated and from which table.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Cost } from '../../../shared/types';
import shipped from './prices.json' with { type: 'json' };

/** USD per million tokens; cache writes for a 5-minute cache, `cache_write_1h` for an hour's. */
export interface PriceRow {
  input: number;
  output: number;
  cache_read?: number;
  cache_write?: number;
  cache_write_1h?: number;
}

/** A price table: when it was taken and each model's prices (model ids, or their prefixes). */
export interface PriceTable {
  as_of: string;
  models: Record<string, PriceRow>;
}

/** Token counts of one model's use. `input` excludes cached input (read or written). */
export interface TokenCounts {
  input: number;
  output: number;
  cache_read: number;
  cache_write: number;
  cache_write_1h: number;
}

/** Zero counts, to add to. */
export function noTokens(): TokenCounts {
  return { input: 0, output: 0, cache_read: 0, cache_write: 0, cache_write_1h: 0 };
}

/** Adds `b` into `a`. */
export function addTokens(a: TokenCounts, b: TokenCounts): void {
  a.input += b.input;
  a.output += b.output;
  a.cache_read += b.cache_read;
  a.cache_write += b.cache_write;
  a.cache_write_1h += b.cache_write_1h;
}

const isRow = (v: unknown): v is PriceRow =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as PriceRow).input === 'number' &&
  typeof (v as PriceRow).output === 'number';

/** The rows of a parsed table that are well formed (others are ignored, not fatal). */
function rowsOf(value: unknown): Record<string, PriceRow> {
  const models = (value as { models?: unknown } | null)?.models;
  if (typeof models !== 'object' || models === null) return {};
  return Object.fromEntries(Object.entries(models).filter(([, row]) => isRow(row)));
}

/** Where a user's own price file is looked for: TRANSCRIPTS_PRICES, else prices.json in the
 * platform's config folder for Transcripts. */
export function userPriceFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TRANSCRIPTS_PRICES) return env.TRANSCRIPTS_PRICES;
  const home = env.HOME || homedir();
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Transcripts', 'prices.json');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Transcripts', 'prices.json');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'transcripts', 'prices.json');
}

/** The shipped table with the user file's rows over it (its `as_of` too, when it has one). A
 * missing or malformed user file leaves the shipped table as it is. */
export function loadPriceTable(env: NodeJS.ProcessEnv = process.env): PriceTable {
  const table: PriceTable = { as_of: shipped.as_of, models: rowsOf(shipped) };
  let user: unknown;
  try {
    user = JSON.parse(readFileSync(userPriceFile(env), 'utf8'));
  } catch {
    return table;
  }
  const asOf = (user as { as_of?: unknown } | null)?.as_of;
  return {
    as_of: typeof asOf === 'string' ? asOf : table.as_of,
    models: { ...table.models, ...rowsOf(user) },
  };
}

/** The prices of `model`: its own row, else the longest key it starts with (dated and suffixed
 * ids, "claude-sonnet-4-5-20250929"), after any vendor prefix ("us.anthropic.", "openai/"). */
export function priceFor(table: PriceTable, model: string): PriceRow | null {
  // Looked up once per table and model: a list asks for the same few models thousands of times.
  let known = found.get(table);
  if (!known) found.set(table, (known = new Map()));
  let row = known.get(model);
  if (row === undefined) known.set(model, (row = lookUp(table, model)));
  return row;
}

/** Each table's answers so far (tables are not changed once loaded). */
const found = new WeakMap<PriceTable, Map<string, PriceRow | null>>();

function lookUp(table: PriceTable, model: string): PriceRow | null {
  const id = model.toLowerCase().replace(/^(?:[a-z]{2}\.)?(?:anthropic|openai)[./]/, '');
  if (table.models[id]) return table.models[id]!;
  let best: string | null = null;
  for (const key of Object.keys(table.models)) {
    if (id.startsWith(key) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : table.models[best]!;
}

/** The estimated cost of token use per model, as the app's cost record. Unpriced models are
 * named and left out of the total; with no priced model there is no total. */
export function estimateCost(table: PriceTable, provider: string, byModel: Map<string, TokenCounts>): Cost {
  const all = noTokens();
  let total = 0;
  let priced = false;
  const unpriced: string[] = [];
  for (const [model, t] of byModel) {
    addTokens(all, t);
    const p = priceFor(table, model);
    if (!p) {
      unpriced.push(model);
      continue;
    }
    priced = true;
    total +=
      (t.input * p.input +
        t.output * p.output +
        t.cache_read * (p.cache_read ?? p.input) +
        t.cache_write * (p.cache_write ?? p.input) +
        t.cache_write_1h * (p.cache_write_1h ?? p.cache_write ?? p.input)) /
      1e6;
  }
  const models = [...byModel.keys()];
  const cost: Cost = {
    provider,
    model: models.length === 1 ? models[0] : models.join(', '),
    input_tokens: all.input,
    output_tokens: all.output,
    cache_read_tokens: all.cache_read,
    cache_write_tokens: all.cache_write + all.cache_write_1h,
    estimated: true,
    prices_as_of: table.as_of,
  };
  if (priced) cost.total_cost_usd = Math.round(total * 1e6) / 1e6;
  if (unpriced.length) cost.unpriced_models = unpriced;
  return cost;
}
