// One request through the handlers, for either transport: validated, run, and wrapped in an
// envelope. Electron main (IPC) and `sessions serve` (HTTP) both answer through `dispatch`.
import { errorLine, type Envelope } from './api';
import type { Channel, Request, Response } from './contract';
import { validateRequest } from './validate-request';

/** A handler per channel, already given a validated request. */
export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

/** Validates `raw` for `channel`, runs its handler and wraps the outcome in an envelope;
 * `onError` sees what was thrown (HTTP answers a missing session with 404). */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  raw: unknown,
  onError: (error: unknown) => void = () => undefined,
): Promise<Envelope<Response<C>>> {
  try {
    const request = validateRequest(channel, raw);
    const value = await (handlers[channel] as (r: Request<C>) => Promise<Response<C>>)(request);
    return { ok: true, value };
  } catch (error) {
    onError(error);
    return { ok: false, error: errorLine(error) };
  }
}
