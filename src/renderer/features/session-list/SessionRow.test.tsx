import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '../../test-support/transcripts';
import { SessionRow } from './SessionRow';

const row = (fields: Parameters<typeof summary>[1]) =>
  render(
    <SessionRow
      session={summary('s1', fields)}
      annotation={undefined}
      selected={false}
      top={0}
      height={64}
      now={Date.parse('2026-04-20T00:00:00Z')}
      onSelect={() => undefined}
      onDragStart={() => undefined}
    />,
  );

afterEach(cleanup);

describe('SessionRow', () => {
  it('shows the session’s cost when its file has one', () => {
    row({ cost: { total_cost_usd: 0.0421 } });
    expect(screen.getByTestId('session-row-cost').textContent).toBe('$0.0421');
  });

  it('shows no cost when there is none', () => {
    row({ cost: null });
    expect(screen.queryByTestId('session-row-cost')).toBeNull();
  });
});

describe('SessionRow names', () => {
  it('isolates title, model, vendor and folder and shows their hidden characters', () => {
    row({
      title: 'Normal \u202Egnp.exe',
      model: 'gpt\u202b-5',
      vendor: 'open\u200bai',
      workspace: '/home/me/pro\u2067ject',
    });
    const title = screen.getByTestId('session-row-title');
    expect(title.tagName).toBe('BDI');
    expect(title.textContent).toBe('Normal ⟨U+202E⟩gnp.exe');
    expect(title.getAttribute('title')).toBe('Normal ⟨U+202E⟩gnp.exe');
    const details = title.closest('[data-testid="session-row"]')!.querySelector('.row-details')!;
    expect(details.textContent).toContain('gpt⟨U+202B⟩-5');
    expect(details.textContent).toContain('open⟨U+200B⟩ai');
    const workspace = screen.getByTestId('session-row-workspace');
    expect(workspace.textContent).toBe('/home/me/pro⟨U+2067⟩ject');
    expect(workspace.querySelector('bdi')).not.toBeNull();
    expect(details.querySelectorAll('bdi')).toHaveLength(3);
  });

  it('shows no folder when the session has none', () => {
    row({});
    expect(screen.queryByTestId('session-row-workspace')).toBeNull();
  });
});
