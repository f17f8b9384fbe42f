import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '../../test-support/transcripts';
import { SessionRow } from './SessionRow';

const row = (fields: Parameters<typeof summary>[1]) =>
  render(
    <SessionRow
      session={summary('s1', fields)}
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
