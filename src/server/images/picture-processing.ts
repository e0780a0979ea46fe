/**
 * Turns an uploaded picture into what tablets get: upright, no larger than
 * UPLOAD_IMAGE_MAX_SIDE, WebP, and with nothing but pixels left in it.
 * Photos from a phone carry EXIF (where and when it was taken, the camera):
 * none of that survives. An SVG is drawn into pixels, so no script or link
 * in it can reach a tablet.
 */
import sharp from 'sharp';
import { UPLOAD_IMAGE_MAX_SIDE } from '../../shared/api/guide-editing.ts';
import { sha256Hex } from '../content/sha256.ts';

/** WebP quality: screenshots and photos both stay sharp on a tablet at a fraction of the bytes. */
const WEBP_QUALITY = 80;
/** Refuses "decompression bombs": a small file that would unpack into gigabytes of pixels. */
const MAX_INPUT_PIXELS = 100_000_000;
/** What sharp may read; anything else it can decode (TIFF, HEIF, ...) is refused. */
const READABLE_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'svg']);

export interface ProcessedPicture {
  id: string;
  mimeType: 'image/webp';
  sha256: string;
  bytes: Buffer;
  width: number;
  height: number;
}

export class UnreadablePicture extends Error {
  override name = 'UnreadablePicture';
}

/** Ids name the bytes, so the same picture uploaded twice is stored once. */
export const pictureId = (sha256: string) => `img-${sha256.slice(0, 16)}`;

export async function processPicture(input: Buffer): Promise<ProcessedPicture> {
  try {
    const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;
    const { format } = await sharp(input, options).metadata();
    if (!READABLE_FORMATS.has(format)) {
      throw new UnreadablePicture(`pictures in ${format} format`);
    }
    // Without keepMetadata()/withMetadata(), sharp writes no EXIF, XMP or ICC text: only pixels.
    const { data, info } = await sharp(input, options)
      .autoOrient()
      .resize({
        width: UPLOAD_IMAGE_MAX_SIDE,
        height: UPLOAD_IMAGE_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true });
    const sha256 = sha256Hex(data);
    return {
      id: pictureId(sha256),
      mimeType: 'image/webp',
      sha256,
      bytes: data,
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    if (error instanceof UnreadablePicture) throw error;
    // sharp's own words ("Input buffer contains unsupported image format") are for developers.
    throw new UnreadablePicture(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}
