import hljs from 'highlight.js/lib/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_LANGUAGES } from './syntax-highlight';
import { warmUpAtIdle } from './warm-up';

afterEach(() => {
  vi.useRealTimers();
});

describe('warmUpAtIdle', () => {
  it('compiles every highlighted language while idle, before any code is drawn', () => {
    vi.useFakeTimers();
    const compiled = () => HIGHLIGHT_LANGUAGES.filter((name) => hljs.getLanguage(name)?.isCompiled === true);
    expect(compiled()).toEqual([]);
    warmUpAtIdle();
    // Nothing runs at once: the work waits for idle time.
    expect(compiled()).toEqual([]);
    vi.runAllTimers();
    expect(compiled()).toEqual(HIGHLIGHT_LANGUAGES);
  });
});
