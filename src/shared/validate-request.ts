// Run-time checks of requests against the contract: every channel's request is taken apart field
// by field, so a transport hands its handler exactly the shape the contract types (or a one-line
// BadRequestError), whatever the renderer or a browser sent.
import { EXPORT_FORMATS, isExportFormat, type ExportFormat, type RedactOptions } from './export-options';
import { patchProblem, type AnnotationPatch } from './annotation';
import type { Channel, ElectronChannel, ElectronContract, Request } from './contract';
import { isValidId } from './ids';
import { DAY, USAGE_GROUPINGS, isUsageGrouping, type UsageRequest } from './usage';

/** Error thrown when a request does not have the shape its channel needs. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectKeys(value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === undefined || value === null) value = {};
  if (!isPlainObject(value)) throw new BadRequestError('request must be an object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new BadRequestError(`unexpected field "${key}"`);
  }
  return value;
}

function expectId(value: Record<string, unknown>): { id: string } {
  const id = value.id;
  if (!isValidId(id)) {
    throw new BadRequestError('id must be 1-128 characters of A-Z a-z 0-9 - _, not starting with -');
  }
  return { id };
}

function expectQuery(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) {
    throw new BadRequestError('query must be a string of at most 1000 characters');
  }
  return value;
}

function expectInt(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function expectDay(value: unknown, name: string): string {
  if (typeof value !== 'string' || !DAY.test(value))
    throw new BadRequestError(`${name} must be a day as YYYY-MM-DD`);
  return value;
}

function expectRedact(value: unknown): RedactOptions {
  const o = expectKeys(value, ['emails', 'home']);
  if (typeof o.emails !== 'boolean' || typeof o.home !== 'boolean')
    throw new BadRequestError('redact must be {emails, home} with true or false each');
  return { emails: o.emails, home: o.home };
}

function expectFormat(value: unknown): ExportFormat {
  if (!isExportFormat(value)) throw new BadRequestError(`format must be one of ${EXPORT_FORMATS.join(', ')}`);
  return value;
}

/** Most sessions one zip export takes (as core/export/export-zip says). */
export const MAX_ZIP_IDS = 500;

/** The most messages a viewer can say it has (nine digits, as an event id carries it). */
export const MAX_KNOWN = 999_999_999;

/** The most messages one `sessions:messages` request may ask for. */
export const MAX_PAGE = 500;

const validators: { [C in Channel]: (value: unknown) => Request<C> } = {
  'store:info': (v) => (expectKeys(v, []), {}),
  'sessions:list': (v) => (expectKeys(v, []), {}),
  'sessions:load': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:transcript': (v) => {
    const o = expectKeys(v, ['id', 'at']);
    const request: Request<'sessions:transcript'> = expectId(o);
    if (o.at !== undefined) request.at = expectInt(o.at, 'at', 0, MAX_KNOWN);
    return request;
  },
  'sessions:messages': (v) => {
    const o = expectKeys(v, ['id', 'from', 'to']);
    const from = expectInt(o.from, 'from', 0, MAX_KNOWN);
    const to = expectInt(o.to, 'to', 0, MAX_KNOWN);
    if (to < from || to - from > MAX_PAGE) throw new BadRequestError(`to must be from to from + ${MAX_PAGE}`);
    return { ...expectId(o), from, to };
  },
  'sessions:outline': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:image': (v) => {
    const o = expectKeys(v, ['id', 'message', 'block', 'image']);
    return {
      ...expectId(o),
      message: expectInt(o.message, 'message', 0, MAX_KNOWN),
      block: expectInt(o.block, 'block', 0, MAX_KNOWN),
      image: expectInt(o.image, 'image', -1, MAX_KNOWN),
    };
  },
  'sessions:text': (v) => {
    const o = expectKeys(v, ['id', 'message', 'from']);
    return {
      ...expectId(o),
      message: expectInt(o.message, 'message', 0, MAX_KNOWN),
      from: expectInt(o.from, 'from', 0, Number.MAX_SAFE_INTEGER),
    };
  },
  'sessions:export': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:redact-preview': (v) => {
    const o = expectKeys(v, ['id', 'redact']);
    return { ...expectId(o), redact: expectRedact(o.redact) };
  },
  'sessions:delete': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:restore': (v) => {
    const { undo } = expectKeys(v, ['undo']);
    if (!isValidId(undo)) throw new BadRequestError('undo must be what sessions:delete answered');
    return { undo };
  },
  'sessions:search': (v) => {
    const o = expectKeys(v, ['query', 'page', 'pageSize', 'sort']);
    const query = expectQuery(o.query);
    const request: Request<'sessions:search'> = { query };
    if (o.page !== undefined) request.page = expectInt(o.page, 'page', 0, 100_000);
    if (o.pageSize !== undefined) request.pageSize = expectInt(o.pageSize, 'pageSize', 1, 200);
    if (o.sort !== undefined) {
      if (o.sort !== 'relevance' && o.sort !== 'date')
        throw new BadRequestError('sort must be "relevance" or "date"');
      request.sort = o.sort;
    }
    return request;
  },
  'search:matches': (v) => {
    const o = expectKeys(v, ['id', 'query']);
    return { ...expectId(o), query: expectQuery(o.query) };
  },
  'search:progress': (v) => (expectKeys(v, []), {}),
  'usage:report': (v) => {
    const o = expectKeys(v, ['by', 'since', 'until', 'breakdowns']);
    if (!isUsageGrouping(o.by)) throw new BadRequestError(`by must be one of ${USAGE_GROUPINGS.join(', ')}`);
    const request: UsageRequest = { by: o.by };
    if (o.since !== undefined) request.since = expectDay(o.since, 'since');
    if (o.until !== undefined) request.until = expectDay(o.until, 'until');
    if (o.breakdowns !== undefined) {
      if (typeof o.breakdowns !== 'boolean') throw new BadRequestError('breakdowns must be true or false');
      request.breakdowns = o.breakdowns;
    }
    return request;
  },
  'annotations:list': (v) => (expectKeys(v, []), {}),
  'annotations:set': (v) => {
    const o = expectKeys(v, ['id', 'starred', 'tags', 'note', 'name']);
    const { id } = expectId(o);
    const patch: AnnotationPatch = {};
    if (o.starred !== undefined) patch.starred = o.starred as boolean;
    if (o.tags !== undefined) patch.tags = o.tags as string[];
    if (o.note !== undefined) patch.note = o.note as string;
    if (o.name !== undefined) patch.name = o.name as string;
    const problem = patchProblem(patch);
    if (problem !== null) throw new BadRequestError(problem);
    return { id, ...patch };
  },
  'sessions:watch': (v) => {
    const o = expectKeys(v, ['id', 'known']);
    if (o.id === null) return { id: null };
    const request: Request<'sessions:watch'> = expectId(o);
    if (o.known !== undefined) request.known = expectInt(o.known, 'known', 0, MAX_KNOWN);
    return request;
  },
};

/** Checks a request at runtime; throws BadRequestError with a one-line reason. */
export function validateRequest<C extends Channel>(channel: C, value: unknown): Request<C> {
  return validators[channel](value);
}

/** Same for the Electron-only channels. */
export function validateElectronRequest<C extends ElectronChannel>(
  channel: C,
  value: unknown,
): ElectronContract[C]['request'] {
  if (channel === 'sessions:save-as') {
    const o = expectKeys(value, ['id', 'format', 'redact']);
    const request: ElectronContract['sessions:save-as']['request'] = expectId(o);
    if (o.format !== undefined) request.format = expectFormat(o.format);
    if (o.redact !== undefined && o.redact !== null) request.redact = expectRedact(o.redact);
    return request as ElectronContract[C]['request'];
  }
  if (channel === 'sessions:save-zip') {
    const o = expectKeys(value, ['ids', 'format', 'redact']);
    const ids = o.ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ZIP_IDS || !ids.every(isValidId))
      throw new BadRequestError(`ids must be 1 to ${MAX_ZIP_IDS} valid session ids`);
    const request: ElectronContract['sessions:save-zip']['request'] = { ids: ids as string[] };
    if (o.format !== undefined) request.format = expectFormat(o.format);
    if (o.redact !== undefined && o.redact !== null) request.redact = expectRedact(o.redact);
    return request as ElectronContract[C]['request'];
  }
  expectKeys(value, []);
  return {} as ElectronContract[C]['request'];
}
