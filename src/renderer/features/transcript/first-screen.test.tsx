import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import { fakeTranscriptLayout } from '../../test-support/layout';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

it('draws the first screen alone, and the rows beyond it once the page is idle', async () => {
  // Idle callbacks wait until the test says the page is idle.
  const idle: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  const texts = Array.from({ length: 20 }, (_, i) => message('assistant', [{ type: 'text', text: `m${i}` }]));
  mountApp(fakeApi([summary('s1', { msg_count: 20 })], [transcript('s1', texts)]));
  // Rows of 100 px in a 300 px box: three on screen.
  fakeTranscriptLayout(100, 300);
  window.location.hash = '#session=s1';
  fireEvent(window, new HashChangeEvent('hashchange'));
  const drawn = () => screen.queryAllByTestId('message').length;
  await waitFor(() => expect(drawn()).toBeGreaterThan(0));
  const first = drawn();
  expect(first).toBeLessThanOrEqual(3);
  act(() => {
    while (idle.length > 0) idle.shift()!({ didTimeout: false, timeRemaining: () => 50 });
  });
  await waitFor(() => expect(drawn()).toBe(first + 4));
});
