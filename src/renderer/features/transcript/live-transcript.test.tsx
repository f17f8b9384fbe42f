import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionAppended } from '../../../shared/contract';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { fakeTranscriptLayout } from '../../test-support/layout';
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
    messages: texts.map((t, i) => ({ ...text(t), index: from + i })),
    session: { ...session, msg_count: from + texts.length },
  };
}

/** Opens s1 in the layout jsdom lacks: 100 px per message, 300 px in view. */
async function openWithLayout() {
  mountApp(api);
  // After mountApp's own layout: this box shows three messages.
  fakeTranscriptLayout(MESSAGE_PX, 300);
  window.location.hash = '#session=s1';
  fireEvent(window, new HashChangeEvent('hashchange'));
  await waitFor(() => expect(screen.getAllByTestId('message').length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.getByTestId('transcript').getAttribute('data-following')).toBe('true'));
  const body = screen.getByTestId('transcript-body');
  // Every row measured: the list is 10 rows tall.
  await waitFor(() => expect(body.scrollHeight).toBe(10 * MESSAGE_PX));
  return body;
}

/** Scrolls the box and lets the list draw the rows now in view (and end its scrolling state,
 * during which it measures nothing: without a ResizeObserver, jsdom would never measure them). */
async function scrollTo(body: HTMLElement, top: number) {
  body.scrollTop = top;
  fireEvent.scroll(body);
  await act(async () => new Promise((resolve) => setTimeout(resolve, 200)));
}

const drawnIndices = () => screen.getAllByTestId('message').map((m) => Number(m.getAttribute('data-index')));

describe('a followed transcript', () => {
  it('shows pushed messages at the end and counts them in the header', async () => {
    const body = await openWithLayout();
    // Only the rows near the view are drawn.
    expect(drawnIndices()).not.toContain(9);
    act(() => api.emitAppended(appended(10, ['fresh one', 'fresh two'])));
    await waitFor(() => expect(screen.getByTestId('transcript-meta').textContent).toContain('12'));
    await scrollTo(body, 12 * MESSAGE_PX - 300);
    await waitFor(() => expect(drawnIndices()).toContain(11));
    const last = screen.getAllByTestId('message').find((m) => m.getAttribute('data-index') === '11')!;
    expect(last.textContent).toContain('fresh two');
  });

  it('keeps a reader who scrolled up in place, offers a pill, and the pill goes to the first new message', async () => {
    const body = await openWithLayout();
    await scrollTo(body, 250);
    act(() => api.emitAppended(appended(10, ['one', 'two'])));
    expect(body.scrollTop).toBe(250);
    const pill = screen.getByTestId('new-messages');
    expect(pill.textContent).toContain('2 new messages');
    act(() => api.emitAppended(appended(12, ['three'])));
    expect(screen.getByTestId('new-messages').textContent).toContain('3 new messages');
    fireEvent.click(screen.getByTestId('new-messages'));
    // Message 10 now starts at the top of the box.
    await waitFor(() => expect(body.scrollTop).toBe(10 * MESSAGE_PX));
    expect(screen.queryByTestId('new-messages')).toBeNull();
  });

  it('follows new messages down when the reader is at the bottom', async () => {
    const body = await openWithLayout();
    await scrollTo(body, 10 * MESSAGE_PX - 300);
    act(() => api.emitAppended(appended(10, ['below'])));
    // At the very bottom of the 11 rows.
    await waitFor(() => expect(body.scrollTop).toBe(11 * MESSAGE_PX - 300));
    expect(screen.queryByTestId('new-messages')).toBeNull();
  });

  it('ignores pushed messages of another session', async () => {
    await openWithLayout();
    act(() => api.emitAppended({ ...appended(10, ['elsewhere']), id: 's2' }));
    expect(screen.getByTestId('transcript-meta').textContent).toContain('10');
    expect(screen.getByTestId('transcript-body').scrollHeight).toBe(10 * MESSAGE_PX);
  });
});
