// A string cut from a huge line: its head is drawn with a note of the whole size, and "Show all"
// pages through the rest one fetched piece at a time (only the piece shown is drawn).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';

afterEach(() => cleanup());

function cutSession() {
  const page = transcript('c1', [
    message('assistant', [{ type: 'tool_use', name: 'bash', id: 't1', input: '{"command":"cat big.log"}' }]),
    message('user', [{ type: 'tool_result', id: 't1', output: 'head of the log' }]),
    message('assistant', [{ type: 'text', text: 'a long **answer**' }]),
  ]);
  const result = page.messages[1]!.blocks[0]!;
  if (result.kind !== 'tool_result') throw new Error('expected a result');
  result.cut = { next: 1000, stored_bytes: 300 * 1024 * 1024 };
  const text = page.messages[2]!.blocks[0]!;
  if (text.kind !== 'text') throw new Error('expected a text');
  text.cut = { next: 5000, stored_bytes: 2048 };
  return page;
}

describe('a cut string', () => {
  it('shows its head and size, then its rest one piece at a time', async () => {
    const api = fakeApi([summary('c1')], [cutSession()]);
    api.textPieces.set('1.1000', { text: 'first piece of the rest', next: 2000 });
    api.textPieces.set('1.2000', { text: 'last piece', next: null });
    api.textPieces.set('2.5000', { text: 'rest of the answer', next: null });
    mountApp(api);
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(1));
    fireEvent.click(screen.getAllByTestId('session-row')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('cut-note')).toHaveLength(2));
    const [outputNote, textNote] = screen.getAllByTestId('cut-note');
    expect(outputNote!.textContent).toContain('the whole text is 300.0 MB');
    expect(textNote!.textContent).toContain('the whole text is 2 KB');
    expect(screen.getByTestId('tool-result').textContent).toContain('head of the log');
    expect(api.calls.filter((c) => c.startsWith('text '))).toEqual([]);

    fireEvent.click(screen.getAllByTestId('show-rest')[0]!);
    await waitFor(() => expect(screen.getByTestId('rest-piece').textContent).toBe('first piece of the rest'));
    expect(screen.getByTestId('rest-position').textContent).toBe('Rest, part 1 of about 300');
    fireEvent.click(screen.getByTestId('rest-next'));
    await waitFor(() => expect(screen.getByTestId('rest-piece').textContent).toBe('last piece'));
    expect(screen.getByTestId('rest-next')).toHaveProperty('disabled', true);
    // Back to the first piece: fetched again, not kept.
    fireEvent.click(screen.getByText('‹ Previous'));
    await waitFor(() => expect(screen.getByTestId('rest-piece').textContent).toBe('first piece of the rest'));
    expect(api.calls.filter((c) => c.startsWith('text '))).toEqual([
      'text c1 1 1000',
      'text c1 1 2000',
      'text c1 1 1000',
    ]);
  });

  it('says so when a piece cannot be read', async () => {
    const api = fakeApi([summary('c1')], [cutSession()]);
    mountApp(api);
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(1));
    fireEvent.click(screen.getAllByTestId('session-row')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('show-rest')).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('show-rest')[1]!);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('message 2 has no cut text at 5000'),
    );
  });
});
