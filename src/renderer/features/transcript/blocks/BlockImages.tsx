// Images of an image block or a tool result, drawn where they belong (inside the result's card).
// Raster data: URLs only; anything else is named, not shown.
import { countText } from '../../../../shared/count-text';
import { useEffect, useState } from 'react';
import type { BlockRef, ImageRef } from '../../../../shared/transcript';
import { rasterDataUrl } from '../images';
import { useTranscriptData } from '../TranscriptContext';

function InlineImage({ url, label }: { url: string; label: string }) {
  const [broken, setBroken] = useState(false);
  if (broken) return <div className="image-blocked">{label} could not be decoded</div>;
  return <img className="message-image" src={url} alt={label} onError={() => setBroken(true)} />;
}

function kilobytes(base64Chars: number): string {
  return `${countText(Math.ceil((base64Chars * 3) / 4 / 1024))} KB`;
}

/** An image too large to come with its page: fetched once it is drawn. */
function FetchedImage({ image, at, label }: { image: ImageRef; at: BlockRef; label: string }) {
  const data = useTranscriptData();
  const [loaded, setLoaded] = useState<{ data: string } | { error: true } | null>(null);
  useEffect(() => {
    let live = true;
    data.fetchImage(at.message, at.block, image.index).then(
      (found) => live && setLoaded({ data: found.data }),
      () => live && setLoaded({ error: true }),
    );
    return () => {
      live = false;
    };
  }, [data, at.message, at.block, image.index]);
  if (loaded === null)
    return (
      <div className="image-blocked">
        Loading {label.toLowerCase()} ({kilobytes(image.size)})…
      </div>
    );
  if ('error' in loaded) return <div className="image-blocked">{label} could not be loaded</div>;
  return <OneImage image={{ ...image, data: loaded.data }} at={at} label={label} />;
}

/** One image, or a line saying why it is not shown. */
function OneImage({ image, at, label }: { image: ImageRef; at: BlockRef; label: string }) {
  if (image.data === undefined) return <FetchedImage image={image} at={at} label={label} />;
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

/** `images` of the block at `at`, or nothing. */
export function BlockImages({ images, at }: { images: readonly ImageRef[]; at: BlockRef }) {
  if (images.length === 0) return null;
  return (
    <div className="message-images" data-testid="block-images">
      {images.map((image, i) => (
        <OneImage key={i} image={image} at={at} label={images.length === 1 ? 'Image' : `Image ${i + 1}`} />
      ))}
    </div>
  );
}
