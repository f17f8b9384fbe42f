// A small made-up session for the rehearsal (see Rehearsal.tsx): one message of each kind a first
// screen most often shows, so that drawing it runs the code an opened session runs.
import { pairAll } from '../../../shared/tool-pairing';
import { plainSessionFacts, type TranscriptMessage, type TranscriptPage } from '../../../shared/transcript';

const PROSE =
  'The parser fails when the cache key is stale; *rebuilding* the lockfile fixes it.\n\n' +
  '- rebuild the lockfile\n- rerun `npm test`\n\n' +
  '```ts\nconst key = hash(lockfile);\nif (cache.has(key)) return cache.get(key);\n```\n\n' +
  'See [the notes](https://example.com/notes) and the table:\n\n| step | result |\n| - | - |\n| 1 | ok |\n';

/** The rehearsal's messages: a prompt, a reply with reasoning and Markdown, a shell call and its
 * result, and a reply again. */
function messages(): TranscriptMessage[] {
  const out: TranscriptMessage[] = [
    { index: 0, role: 'user', blocks: [{ kind: 'text', source: 0, text: 'Why does the build fail?' }] },
    {
      index: 1,
      role: 'assistant',
      blocks: [
        { kind: 'reasoning', source: 0, text: 'The cache key looks stale.' },
        { kind: 'text', source: 0, text: PROSE },
        {
          kind: 'tool_call',
          source: 1,
          id: 'call-1',
          name: 'run_command',
          input: '{"command":"npm test"}',
          result: null,
        },
      ],
    },
    {
      index: 2,
      role: 'tool',
      blocks: [
        {
          kind: 'tool_result',
          source: 0,
          tool_use_id: 'call-1',
          output: 'ok 1\nok 2\n',
          is_error: false,
          images: [],
          call: null,
        },
      ],
    },
    { index: 3, role: 'assistant', blocks: [{ kind: 'text', source: 0, text: PROSE }] },
  ];
  pairAll(out);
  return out;
}

/** The rehearsal session as one complete page. */
export function rehearsalPage(): TranscriptPage {
  const list = messages();
  return {
    version: 'rehearsal',
    session: plainSessionFacts({
      id: 'rehearsal',
      title: 'Rehearsal',
      vendor: '',
      endpoint: '',
      model: '',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      msg_count: list.length,
    }),
    total: list.length,
    complete: true,
    messages: list,
  };
}
