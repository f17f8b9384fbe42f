import { describe, expect, it } from 'vitest';
import { transcript } from '../../test-support/transcripts';
import { checkpointsByPosition, formatUsd, roleLabel, sessionFacts } from './session-facts';

describe('sessionFacts', () => {
  it('lists model, vendor, times, count, cost and tokens', () => {
    const session = transcript('s1', [], {
      model: 'gpt-5',
      vendor: 'openai',
      endpoint: 'azure-east',
      msg_count: 1234,
      cost: { total_cost_usd: 0.0421, input_tokens: 12345, output_tokens: 678 },
    }).session;
    const facts = Object.fromEntries(sessionFacts(session).map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Model: 'gpt-5',
      Vendor: 'openai / azure-east',
      Messages: '1,234',
      Cost: '$0.0421',
      Tokens: '12,345 in · 678 out',
    });
    expect(facts.Created).toBeTruthy();
  });

  it("marks the transcript's own names (model, vendor and endpoint, folder) to be shown isolated", () => {
    const session = transcript('s1', [], {
      model: 'gpt\u202b-5',
      vendor: 'openai',
      endpoint: 'azure',
      workspace: '/w',
    }).session;
    const facts = sessionFacts(session);
    const names = Object.fromEntries(facts.map((f) => [f.label, f.names]));
    expect(names).toMatchObject({ Model: ['gpt\u202b-5'], Vendor: ['openai', 'azure'], Folder: ['/w'] });
    expect(names.Messages).toBeUndefined();
    expect(names.Created).toBeUndefined();
  });

  it('sums per-turn usage when present and leaves out what is missing', () => {
    const session = transcript('s1', [], {
      model: '',
      usage: [
        { usage: { input_tokens: 10, output_tokens: 5, cache_read_tokens: 90 } },
        { usage: { input_tokens: 1, output_tokens: 1 } },
      ],
      created_at: '0001-01-01T00:00:00Z',
    }).session;
    const facts = Object.fromEntries(sessionFacts(session).map((f) => [f.label, f.value]));
    expect(facts.Tokens).toBe('101 in · 6 out');
    expect(facts.Model).toBeUndefined();
    expect(facts.Created).toBeUndefined();
    expect(facts.Cost).toBeUndefined();
  });

  it('formats money', () => {
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0.00421)).toBe('$0.0042');
  });
});

describe('checkpointsByPosition', () => {
  it('places checkpoints between messages and drops impossible ones', () => {
    const byPosition = checkpointsByPosition(
      [
        { after_messages: 3 },
        { after_messages: 0 },
        { after_messages: 3, tokens: 5 },
        { after_messages: 9 },
        { after_messages: -1 },
      ],
      4,
    );
    expect([...byPosition.keys()].sort()).toEqual([0, 3]);
    expect(byPosition.get(3)).toHaveLength(2);
  });
});

describe('roleLabel', () => {
  it('writes roles as the export does', () => {
    expect(roleLabel('user')).toBe('User');
    expect(roleLabel('assistant')).toBe('Assistant');
    expect(roleLabel('tool')).toBe('tool');
  });
});
