// Inline images of a message (image blocks and tool-result images), shown as data: URLs. Only
// raster formats: SVG can carry script and remote references, so it is never shown.

/** The MIME types shown inline. */
export const RASTER_MIME_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
];

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** A data: URL for `image`, or null when it is not a raster type or its data is not base64. */
export function rasterDataUrl(image: { mime: string; data: string }): string | null {
  const mime = image.mime.trim().toLowerCase();
  if (!RASTER_MIME_TYPES.includes(mime)) return null;
  if (image.data === '' || !BASE64.test(image.data)) return null;
  return `data:${mime};base64,${image.data.replace(/\s+/g, '')}`;
}
