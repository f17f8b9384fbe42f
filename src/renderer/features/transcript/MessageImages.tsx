// A message's inline images (raster data: URLs only; anything else is named, not shown).
import { useState } from 'react';
import type { TranscriptImage } from '../../../shared/types';
import { rasterDataUrl } from './images';

function InlineImage({ url, index }: { url: string; index: number }) {
  const [broken, setBroken] = useState(false);
  if (broken) return <div className="image-blocked">Attached image {index + 1} could not be decoded</div>;
  return (
    <img
      className="message-image"
      src={url}
      alt={`Attached image ${index + 1}`}
      onError={() => setBroken(true)}
    />
  );
}

/** The images of one message, or nothing. */
export function MessageImages({ images }: { images: readonly TranscriptImage[] }) {
  if (images.length === 0) return null;
  return (
    <div className="message-images">
      {images.map((image, index) => {
        const url = rasterDataUrl(image);
        return url === null ? (
          <div key={index} className="image-blocked">
            Attached image of type {image.mime || 'unknown'} not shown
          </div>
        ) : (
          <InlineImage key={index} url={url} index={index} />
        );
      })}
    </div>
  );
}
