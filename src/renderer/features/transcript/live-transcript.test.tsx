import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionAppended } from '../../../shared/contract';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';

const text = (t: string) => message('assistant', [{ type: 'text', text: t }]);
const MESSAGE_PX = 100;

let api: FakeApi;

beforeEach(() => {
  api = fakeApi(
    [summary('s1', { msg_count: 10 }), summary('s2')],
    [
      transcript(
        's1',
        Array.from({ length: 10 }, (_, i) => text(`message ${i}`)),
      ),
      transcript('s2', []),
    ],
  );
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

function appended(from: number, texts: string[]): SessionAppended {
  const { msg_count: _count, ...session } = transcript('s1', []).session;
  return {
    id: 's1',
    reset: false,
    from,
    messages: texts.map(text),
    session: { ...session, msg_count: from + texts.length },
  };
}

/** Opens s1 and gives its scroll box the layout jsdom lacks: 100 px per message, 300 px in view. */
async function openWithLayout() {
  mountApp(api);
  window.location.hash = '#session=s1';
  fireEvent(window, new HashChangeEvent('hashchange'));
  await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(10));
  await waitFor(() => expect(screen.getByTestId('transcript').getAttribute('data-following')).toBe('true'));
  const body = screen.getByTestId('transcript-body');
  Object.defineProperty(body, 'clientHeight', { configurable: true, value: 300 });
  Object.defineProperty(body, 'scrollHeight', {
    configurable: true,
    get: () => body.querySelectorAll('.message').length * MESSAGE_PX,
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const index = this.dataset.index;
    const top = index === undefined ? 0 : Number(index) * MESSAGE_PX - body.scrollTop;
    return { top, bottom: top + MESSAGE_PX, left: 0, right: 0, width: 0, height: MESSAGE_PX } as DOMRect;
  });
  return body;
}

describe('a followed transcript', () => {
  it('shows pushed messages at the end and counts them in the header', async () => {
    await openWithLayout();
    act(() => api.emitAppended(appended(10, ['fresh one', 'fresh two'])));
    const messages = screen.getAllByTestId('message');
    expect(messages).toHaveLength(12);
    await waitFor(() => expect(messages[11]!.textContent).toContain('fresh two'));
    expect(screen.getByTestId('transcript-meta').textContent).toContain('12');
  });

  it('keeps a reader who scrolled up in place, offers a pill, and the pill goes to the first new message', async () => {
    const body = await openWithLayout();
    body.scrollTop = 250;
    fireEvent.scroll(body);
    act(() => api.emitAppended(appended(10, ['one', 'two'])));
    expect(body.scrollTop).toBe(250);
    const pill = screen.getByTestId('new-messages');
    expect(pill.textContent).toContain('2 new messages');
    act(() => api.emitAppended(appended(12, ['three'])));
    expect(screen.getByTestId('new-messages').textContent).toContain('3 new messages');
    fireEvent.click(screen.getByTestId('new-messages'));
    // Message 10 now starts near the top of the box.
    expect(body.scrollTop).toBe(10 * MESSAGE_PX - 12);
    expect(screen.queryByTestId('new-messages')).toBeNull();
  });

  it('follows new messages down when the reader is at the bottom', async () => {
    const body = await openWithLayout();
    body.scrollTop = 10 * MESSAGE_PX - 300;
    fireEvent.scroll(body);
    act(() => api.emitAppended(appended(10, ['below'])));
    expect(body.scrollTop).toBe(11 * MESSAGE_PX);
    expect(screen.queryByTestId('new-messages')).toBeNull();
  });

  it('ignores pushed messages of another session', async () => {
    await openWithLayout();
    act(() => api.emitAppended({ ...appended(10, ['elsewhere']), id: 's2' }));
    expect(screen.getAllByTestId('message')).toHaveLength(10);
  });
});
