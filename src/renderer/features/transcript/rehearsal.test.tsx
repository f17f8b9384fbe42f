import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { TextBlock } from '../../../shared/transcript';
import { fakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';
import { cachedHtml } from './html-cache';
import { rehearsalPage } from './rehearsal-session';

/** Idle callbacks wait until the test runs them. */
let idle: IdleRequestCallback[] = [];
const runIdle = () =>
  act(() => {
    for (let rounds = 0; rounds < 5 && idle.length > 0; rounds++) {
      const now = idle.splice(0);
      for (const callback of now) callback({ didTimeout: false, timeRemaining: () => 50 });
    }
  });

beforeEach(() => {
  idle = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** The Markdown of the rehearsal's last reply (only a rehearsal draws it, and keeps its HTML). */
const rehearsalMarkdown = () => (rehearsalPage().messages[3]!.blocks[0] as TextBlock).text;

const api = () =>
  fakeApi(
    [summary('s1', { msg_count: 1 })],
    [transcript('s1', [message('user', [{ type: 'text', text: 'the real prompt' }])])],
  );

// Runs first: the HTML cache is the module's, shared by the tests of this file.
it('does not rehearse once a session was opened', async () => {
  mountApp(api());
  window.location.hash = '#session=s1';
  fireEvent(window, new HashChangeEvent('hashchange'));
  await screen.findByText('the real prompt');
  runIdle();
  expect(cachedHtml(rehearsalMarkdown())).toBeUndefined();
});

it('draws a made-up session at idle, outside the document, and leaves nothing behind', async () => {
  mountApp(api());
  await screen.findByTestId('session-row');
  expect(cachedHtml(rehearsalMarkdown())).toBeUndefined();
  runIdle();
  // Its Markdown went through the renderer...
  await waitFor(() => expect(cachedHtml(rehearsalMarkdown())).toBeDefined());
  // ...and nothing of it reached the page.
  expect(screen.queryAllByTestId('message')).toHaveLength(0);
  expect(document.body.textContent).not.toContain('Rehearsal');
  // The session opened next is the real one, alone.
  window.location.hash = '#session=s1';
  fireEvent(window, new HashChangeEvent('hashchange'));
  await screen.findByText('the real prompt');
  runIdle();
  expect(screen.getAllByTestId('message')).toHaveLength(1);
});
