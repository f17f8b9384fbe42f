import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Name } from './Name';

afterEach(cleanup);

describe('Name', () => {
  it('isolates the name in a <bdi> and shows a bidi override as a token instead of obeying it', () => {
    render(<Name text={'Normal \u202Egnp.exe'} testId="n" />);
    const name = screen.getByTestId('n');
    expect(name.tagName).toBe('BDI');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(name.textContent).toBe('Normal ⟨U+202E⟩gnp.exe');
    expect(name.textContent).not.toContain('\u202e');
    expect(screen.getByTestId('name-token').textContent).toBe('⟨U+202E⟩');
  });

  it('shows an unterminated embedding, zero-width characters and controls, one token each', () => {
    render(<Name text={'gpt\u202b-5\u200b\u200d\u0007'} testId="n" />);
    expect(screen.getByTestId('n').textContent).toBe('gpt⟨U+202B⟩-5⟨U+200B⟩⟨U+200D⟩⟨U+0007⟩');
    expect(screen.getAllByTestId('name-token')).toHaveLength(4);
  });

  it('leaves ordinary names, right-to-left scripts and emoji as they are', () => {
    render(<Name text={'שלום 👩\u200d💻 café'} testId="n" />);
    expect(screen.getByTestId('n').textContent).toBe('שלום 👩\u200d💻 café');
    expect(screen.queryByTestId('name-token')).toBeNull();
  });

  it('shows the fallback for an empty name and offers the revealed name as a tooltip when asked', () => {
    render(<Name text="" fallback="Untitled session" testId="empty" />);
    expect(screen.getByTestId('empty').textContent).toBe('Untitled session');
    render(<Name text={'a\u202eb'} className="row-title" testId="tip" tooltip />);
    const tip = screen.getByTestId('tip');
    expect(tip.getAttribute('title')).toBe('a⟨U+202E⟩b');
    expect(tip.className).toBe('name row-title');
    expect(screen.getByTestId('empty').hasAttribute('title')).toBe(false);
  });
});
