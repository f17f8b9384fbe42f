// The embedded drag image is a real PNG (macOS refuses to drag with an empty one).
import { expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  nativeImage: { createFromDataURL: vi.fn((url: string) => ({ url })) },
}));
vi.mock('electron', () => electron);

it('decodes an embedded 32x32 PNG data URL', async () => {
  const { dragIcon } = await import('./drag-icon');
  dragIcon();
  const url = electron.nativeImage.createFromDataURL.mock.calls[0]?.[0] ?? '';
  expect(url.startsWith('data:image/png;base64,')).toBe(true);
  const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
});
