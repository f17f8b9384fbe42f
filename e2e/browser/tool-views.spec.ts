// Each tool shape has its own view inside its card (shell, edit diff, write and read highlighted
// by the file's extension, search, todo), unknown tools the generic card; calls without a result
// and results without a call say so; reasoning and checkpoints open. Each view is photographed in
// light and dark (e2e/screenshots/tool-*.png).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, SCREENSHOT_DIR } from '../support/app';
import { addToIndex, generatedId } from '../support/sessions';

const ID = generatedId(0x7001, '20270201');

function line(record: Record<string, unknown>): string {
  return `${JSON.stringify({ session_id: ID, created_at: '0001-01-01T00:00:00Z', updated_at: '0001-01-01T00:00:00Z', ...record })}\n`;
}

function message(role: string, content: Record<string, unknown>[], timestamp?: string): string {
  return line({ type: 'message', message: { role, content }, ...(timestamp && { timestamp }) });
}

const call = (id: string, name: string, input: unknown) => ({
  type: 'tool_use',
  tool_id: id,
  tool_name: name,
  input,
});
const result = (id: string, output: string, is_error = false) => ({
  type: 'tool_result',
  tool_id: id,
  output,
  is_error,
});

const GO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n';

async function writeToolSession(corpus: string): Promise<void> {
  const lines = [
    line({
      type: 'meta',
      title: 'Tool views',
      vendor: 'anthropic',
      model: 'claude-sonnet-4',
      created_at: '2027-02-01T10:00:00Z',
      updated_at: '2027-02-01T11:00:00Z',
    }),
    message('user', [{ type: 'text', text: 'Fix the greeting and add a test.' }], '2027-02-01T10:00:00Z'),
    message(
      'assistant',
      [
        {
          type: 'text',
          text: 'Let me look first.',
          reasoning_content: 'The user wants a fix. **First** read main.go, then grep for callers.',
        },
        call('s1', 'bash', { command: 'go test ./... 2>&1 | tail -3' }),
        call('r1', 'read_file', { path: 'cmd/main.go' }),
        call('g1', 'grep', { pattern: 'Println\\(', path: 'cmd' }),
      ],
      '2027-02-01T10:00:01Z',
    ),
    message(
      'user',
      [
        result('s1', 'FAIL\tgithub.com/x/y/cmd\t0.012s\nFAIL', true),
        result('r1', GO),
        result('g1', 'cmd/main.go:6:\tfmt.Println("hello")'),
      ],
      '2027-02-01T10:00:04Z',
    ),
    message(
      'assistant',
      [
        call('e1', 'edit', {
          file_path: 'cmd/main.go',
          old_string: '\tfmt.Println("hello")\n}',
          new_string: '\tfmt.Println("hello, world")\n\tos.Exit(0)\n}',
        }),
        call('w1', 'write_file', {
          path: 'cmd/main_test.go',
          content: 'package main\n\nimport "testing"\n\nfunc TestMain(t *testing.T) {}\n',
        }),
        call('t1', 'TodoWrite', {
          todos: [
            { content: 'Read main.go', status: 'completed' },
            { content: 'Fix the greeting', status: 'in_progress' },
            { content: 'Add a test', status: 'pending' },
          ],
        }),
        call('u1', 'deploy_preview', { env: 'staging', replicas: 2, tags: ['a', 'b'] }),
        call('n1', 'bash', { command: 'sleep 1000' }),
      ],
      '2027-02-01T10:00:05Z',
    ),
    message(
      'user',
      [
        result('e1', 'ok'),
        result('w1', 'wrote 62 bytes'),
        result('t1', 'Todos updated'),
        result('u1', 'preview at https://staging.example'),
      ],
      '2027-02-01T10:00:09Z',
    ),
    line({
      type: 'checkpoint',
      checkpoint_tokens: 4321,
      checkpoint_messages: [
        { role: 'user', content: [{ type: 'text', text: 'Summary: the greeting was **fixed**.' }] },
      ],
    }),
    message('user', [result('zz9', 'a result whose call is not in this session')]),
    message('assistant', [{ type: 'text', text: 'Done.' }]),
  ];
  await writeFile(join(corpus, `${ID}.jsonl`), lines.join(''));
  await addToIndex(corpus, [
    {
      id: ID,
      title: 'Tool views',
      created_at: '2027-02-01T10:00:00Z',
      updated_at: '2027-02-01T11:00:00Z',
      msg_count: 7,
      vendor: 'anthropic',
      endpoint: '',
      model: 'claude-sonnet-4',
    },
  ]);
}

test('tool views, unpaired calls and results, reasoning and checkpoints', async ({ app, corpus }) => {
  await writeToolSession(corpus);
  await app.open();
  await app.openSession(ID);
  const page = app.page;
  const card = (id: string) => page.locator(`[data-testid="tool-call"][data-tool-id="${id}"]`);

  await expect(card('s1')).toHaveAttribute('data-tool-view', 'shell');
  await expect(card('s1').locator('.tool-command')).toHaveText(/go test/);
  await expect(card('s1').getByTestId('tool-result')).toHaveAttribute('data-error', 'true');
  await expect(card('s1').locator('.tool-duration')).toHaveText('3.0 s');

  await expect(card('r1')).toHaveAttribute('data-tool-view', 'read');
  await expect(card('r1').locator('.tool-path')).toHaveText('cmd/main.go');
  // The file read is highlighted as Go.
  await expect(card('r1').locator('[data-testid="tool-result"] code.hljs .hljs-keyword').first()).toHaveText(
    'package',
  );

  await expect(card('g1')).toHaveAttribute('data-tool-view', 'search');
  await expect(card('g1').locator('.tool-pattern')).toHaveText('Println\\(');

  await expect(card('e1')).toHaveAttribute('data-tool-view', 'edit');
  await expect(card('e1').locator('.diff-del')).toHaveText(['\tfmt.Println("hello")']);
  await expect(card('e1').locator('.diff-add')).toHaveText(['\tfmt.Println("hello, world")', '\tos.Exit(0)']);

  await expect(card('w1')).toHaveAttribute('data-tool-view', 'write');
  await expect(card('w1').locator('code.hljs .hljs-keyword').first()).toHaveText('package');

  await expect(card('t1')).toHaveAttribute('data-tool-view', 'todo');
  await expect(card('t1').locator('.todo-text')).toHaveText([
    'Read main.go',
    'Fix the greeting',
    'Add a test',
  ]);

  await expect(card('u1')).toHaveAttribute('data-tool-view', 'generic');
  await expect(card('u1').locator('.tool-input')).toContainText('"replicas": 2');

  // A call no result answers, and a result no call asked for.
  await expect(card('n1').getByTestId('no-result')).toBeVisible();
  await expect(card('n1').getByTestId('tool-result')).toHaveCount(0);
  const orphan = page.locator('[data-testid="tool-result"][data-tool-id="zz9"]');
  await expect(orphan).toContainText('without a call');
  await expect(page.locator('[data-testid="tool-call"] [data-tool-id="zz9"]')).toHaveCount(0);

  // Reasoning starts collapsed, opens on a click.
  const reasoning = page.getByTestId('reasoning');
  await expect(reasoning).toHaveAttribute('data-open', 'false');
  await reasoning.locator('.reasoning-toggle').click();
  await expect(reasoning.locator('.md strong')).toHaveText('First');

  // The checkpoint opens to its summary.
  const checkpoint = page.getByTestId('checkpoint-marker');
  await checkpoint.locator('.checkpoint-marker').click();
  await expect(checkpoint.getByTestId('checkpoint-summary')).toContainText(
    'Summary: the greeting was fixed.',
  );

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [id, name] of [
      ['s1', 'shell'],
      ['r1', 'read'],
      ['g1', 'search'],
      ['e1', 'edit'],
      ['w1', 'write'],
      ['t1', 'todo'],
      ['u1', 'generic'],
      ['n1', 'no-result'],
    ] as const) {
      await card(id).scrollIntoViewIfNeeded();
      await card(id).screenshot({ path: `${SCREENSHOT_DIR}/tool-${name}-${scheme}.png` });
    }
    await orphan.scrollIntoViewIfNeeded();
    await orphan.screenshot({ path: `${SCREENSHOT_DIR}/tool-orphan-${scheme}.png` });
    await reasoning.screenshot({ path: `${SCREENSHOT_DIR}/reasoning-${scheme}.png` });
    await checkpoint.scrollIntoViewIfNeeded();
    await checkpoint.screenshot({ path: `${SCREENSHOT_DIR}/checkpoint-${scheme}.png` });
  }
});
