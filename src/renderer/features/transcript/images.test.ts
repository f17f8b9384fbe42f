import { describe, expect, it } from 'vitest';
import { rasterDataUrl } from './images';

describe('rasterDataUrl', () => {
  it('builds data: URLs for raster types only', () => {
    expect(rasterDataUrl({ mime: 'image/png', data: 'iVBORw0KGgo=' })).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(rasterDataUrl({ mime: 'IMAGE/JPEG', data: '/9j/4AAQ' })).toBe('data:image/jpeg;base64,/9j/4AAQ');
    for (const mime of ['image/gif', 'image/webp', 'image/bmp'])
      expect(rasterDataUrl({ mime, data: 'AAAA' })).not.toBeNull();
  });

  it('never shows SVG or other types', () => {
    expect(rasterDataUrl({ mime: 'image/svg+xml', data: 'PHN2Zz4=' })).toBeNull();
    expect(rasterDataUrl({ mime: 'text/html', data: 'PGI+' })).toBeNull();
    expect(rasterDataUrl({ mime: '', data: 'AAAA' })).toBeNull();
  });

  it('refuses data that is not base64 (it could end the URL and add more)', () => {
    expect(rasterDataUrl({ mime: 'image/png', data: 'AAAA");background:url(https://x' })).toBeNull();
    expect(rasterDataUrl({ mime: 'image/png', data: '' })).toBeNull();
  });
});
