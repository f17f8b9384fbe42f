// `show --json` and the JSON export: the loaded session with the file format's field names. Tool inputs are written
// from their stored bytes, so numbers JavaScript cannot hold exactly survive.
import { randomHex } from '../lazy-crypto';
import { compactJson } from '../gojson';
import { rawInputText } from '../raw';
import type { Session } from '../../shared/types';

/** The session as indented JSON text. */
export function sessionJson(s: Session): string {
  const nonce = randomHex(8);
  const raws: string[] = [];
  const messages = s.messages.map((m) => ({
    ...m,
    content: m.content.map(({ input_json: stored, ...b }) => {
      if (b.input === undefined) return b;
      raws.push(compactJson(rawInputText({ input: b.input, input_json: stored })));
      return { ...b, input: `${nonce}:${raws.length - 1}` };
    }),
  }));
  // The stored texts are how the values were read, not fields of the session.
  const { cost_json: _cost, ...session } = s;
  const text = JSON.stringify({ ...session, messages }, null, 2);
  return text.replace(new RegExp(`"${nonce}:(\\d+)"`, 'g'), (_, i: string) => raws[Number(i)]!);
}
