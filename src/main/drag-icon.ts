// The image shown under the pointer during drag-out. Embedded so that no resource path has to be
// found at run time; macOS refuses startDrag with an empty image.
import { nativeImage, type NativeImage } from 'electron';

/** A 32x32 PNG of a page with text lines. */
const PAGE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAV0lEQVR42u3XwQkAIAxDUadzCCdxe717MwlY8Ad6f5T00NZI1fQxlzJRgJIYQgXEEA4ggnABNiIBsBApgIw4AbfnGAc83wAAOgCADgCgAwD+BCSHV69sNhnrzkWMa2/sAAAAAElFTkSuQmCC';

/** The drag image, decoded once per call (cheap: 190 bytes). */
export function dragIcon(): NativeImage {
  return nativeImage.createFromDataURL(PAGE_PNG);
}
