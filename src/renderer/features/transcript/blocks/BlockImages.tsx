// Images of an image block or a tool result, drawn where they belong (inside the result's card).
// Raster data: URLs only; anything else is named, not shown.
import { useState } from 'react';
import type { ImageRef } from '../../../../shared/transcript';
import { rasterDataUrl } from '../images';

function InlineImage({ url, label }: { url: string; label: string }) {
  const [broken, setBroken] = useState(false);
  if (broken) return <div className="image-blocked">{label} could not be decoded</div>;
  return <img className="message-image" src={url} alt={label} onError={() => setBroken(true)} />;
}

function kilobytes(base64Chars: number): string {
  return `${Math.ceil((base64Chars * 3) / 4 / 1024).toLocaleString('en-US')} KB`;
}

/** One image, or a line saying why it is not shown. */
function OneImage({ image, label }: { image: ImageRef; label: string }) {
  if (image.data === undefined) {
    return (
      <div className="image-blocked">
        {label} ({kilobytes(image.size)}) not loaded
      </div>
    );
  }
  const url = rasterDataUrl({ mime: image.mime, data: image.data });
  if (url === null) {
    return (
      <div className="image-blocked">
        {label} of type {image.mime || 'unknown'} not shown
      </div>
    );
  }
  return <InlineImage url={url} label={label} />;
}

/** `images`, or nothing. */
export function BlockImages({ images }: { images: readonly ImageRef[] }) {
  if (images.length === 0) return null;
  return (
    <div className="message-images" data-testid="block-images">
      {images.map((image, i) => (
        <OneImage key={i} image={image} label={images.length === 1 ? 'Image' : `Image ${i + 1}`} />
      ))}
    </div>
  );
}
