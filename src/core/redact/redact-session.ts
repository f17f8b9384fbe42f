// Redaction of a loaded session before it leaves the machine: every string an export can write
// (title, folder, text, reasoning, tool names, inputs and output, later versions' extra fields,
// compaction summaries) is scanned, and each secret becomes `[REDACTED:kind]`, so every format
// made from the session afterwards carries the same replacements. Image data is not scanned.
import { homedir } from 'node:os';
import type { RedactionFinding, RedactOptions } from '../../shared/export-options';
import type { ContentBlock, Message, Session } from '../../shared/types';
import { goMarshal } from '../gojson';
import { rawInputText } from '../raw';
import { applyHits, scanTexts, type ScanOptions } from './scan-texts';
import type { Hit } from './secretlint-scan';

/** One string of the session: where it is, and how to put back its redacted text. */
interface Slot {
  where: string;
  text: string;
  set(text: string): void;
}

/** Block fields that hold opaque data, not words: never scanned, never changed. */
const OPAQUE = new Set(['type', 'tool_id', 'image_mime', 'image_data', 'thinking_signature', 'data', 'mime']);

const FIELD_NAMES: Record<string, string> = {
  text: 'text',
  reasoning_content: 'reasoning',
  tool_name: 'tool name',
  output: 'tool output',
};

/** Slots for every string inside `value` (an unknown field of a later version). */
function deepSlots(value: unknown, where: string, set: (v: unknown) => void, out: Slot[]): void {
  if (typeof value === 'string') out.push({ where, text: value, set });
  else if (Array.isArray(value)) value.forEach((v, i) => deepSlots(v, where, (x) => (value[i] = x), out));
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o))
      if (!OPAQUE.has(key)) deepSlots(o[key], where, (x) => (o[key] = x), out);
  }
}

/** A tool input and where it stands. */
interface InputSlot {
  block: ContentBlock;
  where: string;
}

function blockSlots(b: ContentBlock, where: string, out: Slot[], inputs: InputSlot[]): void {
  for (const key of Object.keys(b)) {
    // The input's stored text is redacted with the input, never as a text of its own.
    if (OPAQUE.has(key) || key === 'input_json') continue;
    if (key === 'input') {
      inputs.push({ block: b, where: `${where} tool input` });
      continue;
    }
    const label = `${where} ${FIELD_NAMES[key] ?? key.replace(/_/g, ' ')}`;
    deepSlots(b[key], label, (v) => (b[key] = v), out);
  }
}

function messageSlots(messages: Message[], where: (i: number) => string, out: Slot[], inputs: InputSlot[]) {
  messages.forEach((m, i) => m.content.forEach((b) => blockSlots(b, where(i), out, inputs)));
}

/** A finding as a preview shows it: the kind, the place, and only the secret's edges. */
function finding(text: string, hit: Hit, where: string): RedactionFinding {
  const secret = text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
  const head = secret.length > 12 ? 5 : Math.min(2, secret.length);
  const preview =
    secret.length > 12 ? `${secret.slice(0, head)}…${secret.slice(-2)}` : `${secret.slice(0, head)}…`;
  return { kind: hit.kind, where, preview };
}

/** Tool inputs take their stored JSON text back redacted; it must still parse. When a replacement
 * cut through an escape sequence it does not, and the input's strings are redacted one by one. */
async function redactInputs(inputs: InputSlot[], options: ScanOptions): Promise<RedactionFinding[]> {
  const findings: RedactionFinding[] = [];
  const raws = inputs.map(({ block }) => rawInputText(block));
  const hits = await scanTexts(raws, options);
  const fallback: Slot[] = [];
  const remarshal: ContentBlock[] = [];
  inputs.forEach(({ block, where }, i) => {
    const found = hits[i]!;
    if (found.length === 0) return;
    const redacted = applyHits(raws[i]!, found);
    try {
      block.input = JSON.parse(redacted);
      block.input_json = redacted;
      for (const hit of found) findings.push(finding(raws[i]!, hit, where));
    } catch {
      deepSlots(block.input, where, (v) => (block.input = v), fallback);
      remarshal.push(block);
    }
  });
  findings.push(...(await redactSlots(fallback, options)));
  for (const block of remarshal) block.input_json = goMarshal(block.input, false);
  return findings;
}

async function redactSlots(slots: Slot[], options: ScanOptions): Promise<RedactionFinding[]> {
  const hits = await scanTexts(
    slots.map((s) => s.text),
    options,
  );
  const findings: RedactionFinding[] = [];
  slots.forEach((slot, i) => {
    const found = hits[i]!;
    if (found.length === 0) return;
    for (const hit of found) findings.push(finding(slot.text, hit, slot.where));
    slot.set(applyHits(slot.text, found));
  });
  return findings;
}

/** Replaces every secret in `session` (in place) by `[REDACTED:kind]`; returns what it replaced,
 * in order. `homeDir` is the home folder to find when `options.home` (the user's by default). */
export async function redactSession(
  session: Session,
  options: RedactOptions,
  homeDir: string = homedir(),
): Promise<RedactionFinding[]> {
  const scan: ScanOptions = {
    emails: options.emails,
    homeDir: options.home && homeDir !== '' ? homeDir : null,
  };
  const slots: Slot[] = [];
  const s = session as unknown as Record<string, string>;
  for (const key of ['title', 'workspace', 'vendor', 'endpoint', 'model'] as const) {
    if (typeof s[key] === 'string')
      slots.push({ where: key === 'workspace' ? 'folder' : key, text: s[key], set: (v) => (s[key] = v) });
  }
  const inputs: InputSlot[] = [];
  messageSlots(session.messages, (i) => `message ${i + 1}`, slots, inputs);
  session.checkpoints.forEach((c, n) => {
    messageSlots(c.messages ?? [], () => `compaction summary ${n + 1}`, slots, inputs);
  });
  const findings = await redactSlots(slots, scan);
  findings.push(...(await redactInputs(inputs, scan)));
  return findings;
}
