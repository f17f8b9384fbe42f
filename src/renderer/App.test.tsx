import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from './test-support/fake-api';
import { mountApp } from './test-support/mount-app';
import { HOSTILE_TEXTS, message, summary, transcript } from './test-support/transcripts';

// jsdom has no layout; the virtual list needs a viewport height to show rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
  delete window.__pwned;
});

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `output line ${i + 1}`).join('\n');

function corpus(): FakeApi {
  return fakeApi(
    [
      summary('s1', {
        title: 'Alpha parser',
        updated_at: '2026-04-15T00:00:00Z',
        vendor: 'openai',
        model: 'gpt-5',
      }),
      summary('s2', { title: 'Beta build', updated_at: '2026-04-14T00:00:00Z', vendor: 'anthropic' }),
      summary('s3', { title: 'Gamma tools', updated_at: '2026-04-13T00:00:00Z', vendor: 'anthropic' }),
    ],
    [
      transcript(
        's1',
        [
          message('user', [{ type: 'text', text: 'alpha one' }]),
          message('assistant', [{ type: 'text', text: 'Alpha two and **alpha** three' }]),
        ],
        { title: 'Alpha parser' },
      ),
      transcript('s2', [message('user', [{ type: 'text', text: 'beta' }])], {
        skipped_lines: 2,
        skipped: [{ line: 3, reason: 'invalid JSON' }],
        checkpoints: [{ after_messages: 1, tokens: 1234 }],
        title: 'Beta build',
      }),
      transcript(
        's3',
        [
          message('user', [{ type: 'text', text: 'run it' }]),
          message('assistant', [{ type: 'tool_use', name: 'bash', input: '{"cmd":"ls"}' }]),
          message('user', [
            { type: 'tool_result', output: lines(40) },
            { type: 'tool_result', output: 'denied', isError: true },
          ]),
        ],
        { title: 'Gamma tools' },
      ),
    ],
  );
}

function mount(api: FakeApi = corpus()) {
  return { api, store: mountApp(api) };
}

const rows = () => screen.queryAllByTestId('session-row');
const selectedRow = () => rows().find((row) => row.getAttribute('aria-selected') === 'true');
const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

describe('session list', () => {
  it('shows every session with title, model, vendor and count', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('session-count').textContent).toBe('3 sessions');
    expect(rows().map((r) => r.getAttribute('data-session-id'))).toEqual(['s1', 's2', 's3']);
    expect(within(rows()[0]!).getByTestId('session-row-title').textContent).toBe('Alpha parser');
    expect(rows()[0]!.textContent).toContain('gpt-5');
    expect(rows()[0]!.textContent).toContain('2 messages');
  });

  it('filters as you type, counts "N of M", and says what to do when nothing matches', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('session-filter'), { target: { value: 'gamma' } });
    expect(rows().map((r) => r.getAttribute('data-session-id'))).toEqual(['s3']);
    expect(screen.getByTestId('session-count').textContent).toBe('1 of 3 sessions');
    fireEvent.change(screen.getByTestId('session-filter'), { target: { value: 'nothing like this' } });
    expect(screen.getByTestId('empty-state').textContent).toContain(
      'No session’s title, id, model, vendor or folder has “nothing like this”. Press Enter to search inside every session, or Esc to clear the box.',
    );
    key('Escape');
    expect(rows()).toHaveLength(3);
  });

  it('sorts, and filters by the menus, whose choices count sessions', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('sort-select'), { target: { value: 'title' } });
    expect(rows().map((r) => r.getAttribute('data-session-id'))).toEqual(['s1', 's2', 's3']);
    fireEvent.click(screen.getByTestId('filter-vendors'));
    const choice = screen
      .getAllByTestId('filter-vendors-choice')
      .find((c) => c.getAttribute('data-value') === 'anthropic')!;
    expect(choice.textContent).toBe('anthropic2');
    fireEvent.click(choice);
    expect(choice.getAttribute('aria-checked')).toBe('true');
    expect(rows().map((r) => r.getAttribute('data-session-id'))).toEqual(['s2', 's3']);
    expect(screen.getByTestId('active-filter').textContent).toBe('Vendoranthropic✕');
    fireEvent.click(screen.getByTestId('filter-date'));
    fireEvent.click(
      screen.getAllByTestId('filter-date-choice').find((c) => c.getAttribute('data-value') === 'today')!,
    );
    expect(rows()).toHaveLength(0);
    fireEvent.click(screen.getAllByTestId('active-filter')[0]!);
    expect(screen.getAllByTestId('active-filter')).toHaveLength(1);
  });

  it('says where the missing session folder should be', async () => {
    const api = corpus();
    api.info = { dir: '/home/me/.ggcode/sessions', exists: false, mode: 'browser' };
    api.sessions = [];
    mount(api);
    // A browser cannot switch folders, so it is not offered.
    await waitFor(() =>
      expect(screen.getByTestId('empty-state').textContent).toBe(
        'No session folder at /home/me/.ggcode/sessions. Run ggcode once, or serve another folder (sessions --dir DIR serve).',
      ),
    );
    expect(screen.getByTestId('session-count').textContent).toBe('0 sessions');
  });

  it('offers another folder in the app, and shows no count while loading', async () => {
    const api = fakeApi([], [], 'electron');
    api.info = { dir: '/home/me/.ggcode/sessions', exists: false, mode: 'electron' };
    let answer: () => void = () => {};
    const listed = api.listSessions;
    api.listSessions = (request) => new Promise((resolve) => (answer = () => resolve(listed(request))));
    mount(api);
    await waitFor(() => expect(screen.getByText('Loading sessions…')).toBeTruthy());
    expect(screen.getByTestId('session-count').textContent).toBe('');
    act(() => answer());
    await waitFor(() =>
      expect(screen.getByTestId('empty-state').textContent).toContain(
        'Run ggcode once, or open another folder.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Open another folder…' })).toBeTruthy();
  });

  it('takes the list load boot begins before the first render, without asking again', async () => {
    const api = corpus();
    mountApp(api, {}, (store) => void store.getState().loadList());
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(api.calls.filter((call) => call === 'list')).toEqual(['list']);
  });

  it('reloads when the folder changes', async () => {
    const { api } = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    api.sessions = api.sessions.slice(0, 1);
    act(() => api.emitStoreChanged());
    await waitFor(() => expect(rows()).toHaveLength(1));
  });
});

describe('keyboard', () => {
  it('moves the selection with arrows and j/k and opens the transcript', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    key('ArrowDown');
    await waitFor(() => expect(selectedRow()?.getAttribute('data-session-id')).toBe('s1'));
    key('j');
    expect(selectedRow()?.getAttribute('data-session-id')).toBe('s2');
    key('ArrowDown');
    key('ArrowDown');
    expect(selectedRow()?.getAttribute('data-session-id')).toBe('s3');
    key('k');
    key('ArrowUp');
    expect(selectedRow()?.getAttribute('data-session-id')).toBe('s1');
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('Alpha parser'));
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    key('Enter');
    expect(document.activeElement).toBe(screen.getByTestId('transcript-body'));
  });

  it('moves the selection from the filter field with arrows but types j and k', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    key('k', { ctrlKey: true });
    const filter = screen.getByTestId('session-filter');
    expect(document.activeElement).toBe(filter);
    fireEvent.keyDown(filter, { key: 'j' });
    expect(selectedRow()).toBeUndefined();
    fireEvent.keyDown(filter, { key: 'ArrowDown' });
    expect(selectedRow()?.getAttribute('data-session-id')).toBe('s1');
  });

  it('finds in the transcript with Ctrl+F, steps with Enter and Shift+Enter, clears with Esc', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]!);
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('transcript-body').textContent).toContain('three'));
    key('f', { ctrlKey: true });
    const input = screen.getByTestId('find-input');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'alpha' } });
    const count = () => screen.getByTestId('find-count').textContent;
    await waitFor(() => expect(count()).toBe('1 of 3'));
    await waitFor(() => expect(document.querySelectorAll('mark.find-match')).toHaveLength(3));
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(count()).toBe('2 of 3'));
    await waitFor(() => expect(document.querySelector('mark.find-current')?.textContent).toBe('Alpha'));
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(count()).toBe('3 of 3'));
    fireEvent.click(screen.getByTestId('find-next'));
    await waitFor(() => expect(count()).toBe('1 of 3'));
    // F3 and Shift+F3 step too, from anywhere.
    fireEvent.keyDown(document.body, { key: 'F3' });
    await waitFor(() => expect(count()).toBe('2 of 3'));
    fireEvent.keyDown(document.body, { key: 'F3', shiftKey: true });
    await waitFor(() => expect(count()).toBe('1 of 3'));
    // Matching case: the capitalised "Alpha" is left out.
    fireEvent.click(screen.getByTestId('find-case'));
    await waitFor(() => expect(count()).toBe('1 of 2'));
    fireEvent.click(screen.getByTestId('find-case'));
    await waitFor(() => expect(count()).toBe('1 of 3'));
    fireEvent.change(input, { target: { value: 'no such words' } });
    await waitFor(() => expect(document.querySelectorAll('mark')).toHaveLength(0));
    await waitFor(() => expect(count()).toBe('0 of 0'));
    fireEvent.change(input, { target: { value: 'two' } });
    await waitFor(() => expect(count()).toBe('1 of 1'));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('find-input')).toBeNull();
    await waitFor(() => expect(document.querySelectorAll('mark')).toHaveLength(0));
    expect(screen.getByTestId('transcript-body').textContent).toContain('Alpha two and alpha three');
  });
});

describe('deep link', () => {
  it('opens the session named in the hash and follows the selection', async () => {
    window.history.replaceState(null, '', '/#session=s2');
    mount();
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('Beta build'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[2]!);
    await waitFor(() => expect(window.location.hash).toBe('#session=s3'));
    window.location.hash = '#session=s1';
    await waitFor(() => expect(selectedRow()?.getAttribute('data-session-id')).toBe('s1'));
  });

  it('rewrites the hash only once the opened session has loaded', async () => {
    const api = corpus();
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    const open = api.openTranscript;
    api.openTranscript = async (request) => {
      await answered;
      return open(request);
    };
    mount(api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[2]!);
    // Several frames and tasks pass while the transcript is on its way: the URL stays as it was.
    for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(window.location.hash).toBe('');
    release();
    await waitFor(() => expect(window.location.hash).toBe('#session=s3'));
  });
});

describe('transcript', () => {
  it('draws tool calls and results, marks errors and expands long output', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[2]!);
    await waitFor(() => expect(screen.getAllByTestId('tool-result')).toHaveLength(2));
    expect(screen.getByTestId('tool-call').textContent).toContain('bash');
    expect(screen.getAllByTestId('tool-result').map((r) => r.getAttribute('data-error'))).toEqual([
      'false',
      'true',
    ]);
    const messages = screen.getAllByTestId('message');
    expect(messages.map((m) => m.getAttribute('data-role'))).toEqual(['user', 'assistant', 'user']);
    const showAll = screen.getByTestId('show-all');
    expect(showAll.textContent).toBe('Show all (40 lines)');
    fireEvent.click(showAll);
    await waitFor(() => expect(screen.queryByTestId('show-all')).toBeNull());
    expect(screen.getAllByTestId('tool-result')[0]!.textContent).toContain('output line 40');
  });

  it('shows the skipped-lines notice and checkpoint markers', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[1]!);
    await waitFor(() =>
      expect(screen.getByTestId('skipped-notice').textContent).toContain('2 damaged lines were skipped'),
    );
    expect(screen.getByTestId('skipped-notice').textContent).toContain('line 3: invalid JSON');
    expect(screen.getByTestId('checkpoint-marker').textContent).toContain('1,234 tokens');
    expect(screen.getByTestId('transcript-meta').textContent).toContain('claude-sonnet-4');
  });

  it('renders the hostile fixture without running anything', async () => {
    const api = corpus();
    api.sessions = [summary('h1', { title: "<img src=x onerror=alert('alpha')> title" })];
    api.transcripts.set(
      'h1',
      transcript(
        'h1',
        HOSTILE_TEXTS.map((text, i) => message(i === 0 ? 'user' : 'assistant', [{ type: 'text', text }])),
      ),
    );
    mount(api);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    await waitFor(() => expect(screen.getAllByTestId('remote-image')).toHaveLength(1));
    const body = screen.getByTestId('transcript-body');
    expect(body.querySelector('script, iframe, svg, form, input, style, img')).toBeNull();
    expect(screen.getByTestId('remote-image').textContent).toContain('https://evil.example/pixel.png');
    // What the model wrote is shown as text, markup and all.
    expect(body.textContent).toContain(
      '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2">',
    );
    expect(body.textContent).toContain('<iframe src="https://example.com"></iframe>');
    expect(within(rows()[0]!).getByTestId('session-row-title').textContent).toBe(
      "<img src=x onerror=alert('alpha')> title",
    );
    expect(window.__pwned).toBeUndefined();
  });

  it('draws the fixture tool session: each result inside the card of its call', async () => {
    const api = corpus();
    api.sessions = [summary('t1')];
    const input =
      '{"path":"src/main.go","opts":{"recursive":true,"depth":3},"list":[1,2,3],"html":"<b>x</b>"}';
    api.transcripts.set(
      't1',
      transcript('t1', [
        message('user', [{ type: 'text', text: 'List files then read one' }]),
        message('assistant', [
          { type: 'text', text: "I'll look around." },
          { type: 'tool_use', name: 'list_dir', id: 'call_1', input },
          { type: 'tool_use', name: 'no_input_tool', id: 'call_2' },
        ]),
        message('user', [
          { type: 'tool_result', id: 'call_1', output: 'main.go\nutil.go\n```\nfence inside output\n```' },
          { type: 'tool_result', id: 'call_2', output: 'permission denied: /etc/shadow', isError: true },
          { type: 'image', mime: 'image/png', data: 'iVBORw0KGgo=' },
        ]),
        message('assistant', [{ type: 'text', text: '' }]),
      ]),
    );
    mount(api);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    await waitFor(() => expect(screen.getAllByTestId('tool-call')).toHaveLength(2));
    const calls = screen.getAllByTestId('tool-call');
    expect(calls.map((c) => c.getAttribute('data-tool-name'))).toEqual(['list_dir', 'no_input_tool']);
    expect(calls.map((c) => within(c).getByTestId('tool-result').getAttribute('data-error'))).toEqual([
      'false',
      'true',
    ]);
    expect(within(calls[0]!).getByTestId('tool-result').textContent).toContain('fence inside output');
    // The input is laid out for reading, and the HTML in it is text.
    expect(calls[0]!.querySelector('.tool-input')!.textContent).toContain('"recursive": true');
    expect(calls[0]!.querySelector('b')).toBeNull();
    expect(screen.getAllByTestId('tool-result')).toHaveLength(2);
    expect(screen.getAllByTestId('message')[3]!.textContent).toContain('Empty message');
  });
});

describe('images', () => {
  it('fetches an image too large to come with its page and draws it inside its result', async () => {
    const api = corpus();
    api.sessions = [summary('i1')];
    const page = transcript('i1', [
      message('assistant', [{ type: 'tool_use', name: 'screenshot', id: 's' }]),
      message('user', [
        { type: 'tool_result', id: 's', output: 'taken', images: [{ mime: 'image/png', data: '' }] },
      ]),
    ]);
    const result = page.messages[1]!.blocks[0]!;
    if (result.kind === 'tool_result') result.images = [{ index: 0, mime: 'image/png', size: 400_000 }];
    api.transcripts.set('i1', page);
    api.imageData.set('1.0.0', 'iVBORw0KGgo=');
    mount(api);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    const call = await screen.findByTestId('tool-call');
    await waitFor(() =>
      expect(call.querySelector('[data-testid="tool-result"] img')?.getAttribute('src')).toBe(
        'data:image/png;base64,iVBORw0KGgo=',
      ),
    );
    expect(api.calls).toContain('image i1 1.0.0');
  });
});

describe('actions', () => {
  it('asks before deleting, and reports a delete that fails', async () => {
    const { api } = mount();
    api.deleteErrors.set('s1', 'session s1 is in use by process 4242');
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]!);
    fireEvent.click(await screen.findByTestId('delete-session'));
    expect(document.activeElement).toBe(screen.getByTestId('cancel-delete'));
    key('Escape');
    expect(screen.queryByTestId('confirm-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('delete-session'));
    fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe(
        'Could not delete: session s1 is in use by process 4242',
      ),
    );
    expect(rows()).toHaveLength(3);
    api.deleteErrors.clear();
    fireEvent.click(screen.getByTestId('delete-session'));
    fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    // Said where the header was, with Undo taking focus; Undo puts the row back and opens it.
    expect(screen.getByTestId('undo-bar').textContent).toBe('Deleted “Alpha parser”Undo✕');
    expect(document.activeElement).toBe(screen.getByTestId('undo-delete'));
    fireEvent.click(screen.getByTestId('undo-delete'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(api.calls).toContain('restore undo-s1');
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('Alpha parser'));
    expect(screen.getByTestId('undo-bar').textContent).toBe('Put back “Alpha parser”');
  });

  it('copies, saves and drags out through the api', async () => {
    const { api } = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[1]!);
    fireEvent.click(await screen.findByTestId('copy-markdown'));
    await waitFor(() => expect(screen.getByTestId('feedback-copy').textContent).toBe('Copied'));
    // Shown beside the button, so not repeated in the status line.
    expect(screen.getByTestId('status').textContent).toBe('');
    fireEvent.click(screen.getByTestId('save-markdown'));
    fireEvent.click(await screen.findByTestId('export-format-json'));
    fireEvent.click(screen.getByTestId('export-redact'));
    fireEvent.click(screen.getByTestId('export-confirm'));
    await waitFor(() => expect(api.calls).toContain('save s2 Beta build json'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    fireEvent.dragStart(screen.getByTestId('drag-handle'));
    fireEvent.dragStart(rows()[2]!);
    expect(api.calls.filter((c) => c.startsWith('drag'))).toEqual(['drag s2', 'drag s3']);
  });
});
