// Record lines exactly as the reference writes them (field order, omitempty, Go string escaping),
// so files we write load identically in ggcode. Fields of later versions are kept after them.
import { BLOCK_FIELDS, type ContentBlock, type Message, type Session } from '../shared/types';
import { compactJson, goMarshal, goString } from './gojson';
import { ZERO_TIME } from '../shared/gotime';
import { rawCostText, rawInputText } from './raw';

const s = (v: string): string => goString(v, false);
// input_json is how a loaded block keeps its input's bytes (raw.ts); it is written as input.
const BLOCK_KNOWN: readonly string[] = [...BLOCK_FIELDS, 'input_json'];
const MESSAGE_KNOWN = ['id', 'role', 'content', 'timestamp'];

function extras(o: Record<string, unknown>, known: readonly string[]): string {
  let out = '';
  for (const [k, v] of Object.entries(o)) {
    if (!known.includes(k) && v !== undefined) out += `,${s(k)}:${goMarshal(v, false)}`;
  }
  return out;
}

function blockJson(b: ContentBlock): string {
  let out = `{"type":${s(b.type ?? '')}`;
  for (const key of ['text', 'image_mime', 'image_data', 'tool_name', 'tool_id'] as const) {
    if (b[key]) out += `,"${key}":${s(b[key])}`;
  }
  if (b.input !== undefined) out += `,"input":${compactJson(rawInputText(b))}`;
  if (b.output) out += `,"output":${s(b.output)}`;
  if (b.is_error === true) out += ',"is_error":true';
  return out + extras(b, BLOCK_KNOWN) + '}';
}

function messageJson(m: Message): string {
  const id = typeof m.id === 'string' ? `"id":${s(m.id)},` : '';
  const content = m.content.map(blockJson).join(',');
  return `{${id}"role":${s(m.role)},"content":[${content}]${extras(m as unknown as Record<string, unknown>, MESSAGE_KNOWN)}}`;
}

const head = (type: string, id: string): string =>
  `{"type":"${type}","session_id":${s(id)},"created_at":"${ZERO_TIME}","updated_at":"${ZERO_TIME}"`;

/** The meta line (with newline) for a session. */
export function metaLine(ses: Session): string {
  let out = `{"type":"meta","session_id":${s(ses.id)}`;
  for (const key of ['title', 'vendor', 'endpoint', 'model'] as const) {
    if (ses[key]) out += `,"${key}":${s(ses[key])}`;
  }
  out += `,"created_at":${s(ses.created_at || ZERO_TIME)},"updated_at":${s(ses.updated_at || ZERO_TIME)}`;
  if (ses.workspace) out += `,"workspace":${s(ses.workspace)}`;
  return out + '}\n';
}

/** A message line (with newline). */
export function messageLine(id: string, m: Message): string {
  const timestamp = typeof m.timestamp === 'string' ? `,"timestamp":${s(m.timestamp)}` : '';
  return `${head('message', id)},"message":${messageJson(m)}${timestamp}}\n`;
}

/** A cost line (with newline); the cost's stored bytes are kept, compacted as Go writes them. */
export function costLine(id: string, session: Pick<Session, 'cost' | 'cost_json'>): string {
  return `${head('cost', id)},"cost":${compactJson(rawCostText(session))}}\n`;
}
