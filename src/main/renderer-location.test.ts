// Which URLs are our renderer, and which the renderer may load.
import { describe, expect, it } from 'vitest';
import { rendererLocation } from './renderer-location';

describe('production renderer (app://)', () => {
  const renderer = rendererLocation(undefined);

  it('loads app://transcripts/index.html and has no dev server', () => {
    expect(renderer.url).toBe('app://transcripts/index.html');
    expect(renderer.origin).toBe('app://transcripts');
    expect(renderer.devOrigin).toBeNull();
  });

  it('recognizes its page with or without a deep-link hash', () => {
    expect(renderer.isRendererPage('app://transcripts/index.html')).toBe(true);
    expect(renderer.isRendererPage('app://transcripts/index.html#session=abc')).toBe(true);
  });

  it.each([
    'app://transcripts/other.html',
    'app://transcripts/index.html?x=1',
    'app://other/index.html',
    'app://transcripts:8080/index.html',
    'file:///app/out/renderer/index.html',
    'https://transcripts/index.html',
    'https://evil.example/index.html',
    'about:blank',
    'not a url',
  ])('does not take %j for its page', (url) => {
    expect(renderer.isRendererPage(url)).toBe(false);
  });

  it.each([
    'app://transcripts/index.html',
    'app://transcripts/assets/index-abc.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AAAA',
  ])('may load %j', (url) => {
    expect(renderer.mayLoad(url)).toBe(true);
  });

  it.each([
    'https://evil.example/pixel.png',
    'http://127.0.0.1:8080/',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'file:///app/out/renderer/index.html',
    'app://evil/index.html',
    'app://transcripts.evil.example/index.html',
    'app:transcripts/index.html',
    'javascript:alert(1)',
  ])('may not load %j', (url) => {
    expect(renderer.mayLoad(url)).toBe(false);
  });
});

describe('dev renderer (ELECTRON_RENDERER_URL under npm run dev)', () => {
  const renderer = rendererLocation('http://localhost:5173');

  it('loads the dev server', () => {
    expect(renderer.url).toBe('http://localhost:5173/');
    expect(renderer.origin).toBe('http://localhost:5173');
    expect(renderer.devOrigin).toBe('http://localhost:5173');
  });

  it('recognizes only the dev server root page', () => {
    expect(renderer.isRendererPage('http://localhost:5173/#session=abc')).toBe(true);
    expect(renderer.isRendererPage('http://localhost:5174/')).toBe(false);
    expect(renderer.isRendererPage('http://localhost:5173/evil.html')).toBe(false);
    expect(renderer.isRendererPage('app://transcripts/index.html')).toBe(false);
  });

  it('may load the dev server and its hot-reload socket, nothing remote', () => {
    expect(renderer.mayLoad('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(renderer.mayLoad('ws://localhost:5173/')).toBe(true);
    expect(renderer.mayLoad('https://evil.example/pixel.png')).toBe(false);
    expect(renderer.mayLoad('file:///etc/passwd')).toBe(false);
  });
});
