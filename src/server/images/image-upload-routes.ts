/**
 * POST /api/admin/images: an editor uploads a picture for a guide step. The
 * body is the file's bytes with its type as Content-Type; the answer is the
 * stored picture, resized and compressed (picture-processing.ts).
 */
import type { FastifyInstance } from 'fastify';
import {
  GUIDE_EDITING_API,
  UPLOAD_IMAGE_MAX_BYTES,
  UPLOAD_IMAGE_TYPES,
  type UploadedImage,
} from '../../shared/api/guide-editing.ts';
import { requireStaff } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { acceptOnlyBodies } from '../http/only-these-bodies.ts';
import { ApiError } from '../http/problems.ts';
import { processPicture, UnreadablePicture } from './picture-processing.ts';

const MEGABYTE = 1024 * 1024;

export const UNSUPPORTED_PICTURE =
  'Lotsen takes pictures as PNG, JPEG, WebP, GIF or SVG. Save the picture in one of those formats and upload it again.';
export const PICTURE_TOO_LARGE = `The picture is larger than ${UPLOAD_IMAGE_MAX_BYTES / MEGABYTE} MB. Make it smaller (a screenshot or a photo from a phone is fine) and upload it again.`;
export const UNREADABLE_PICTURE =
  'This is not a picture we can read: the file may be damaged or not what its name says. Open it on your computer, save it again as PNG or JPEG, and upload that.';

export async function registerImageUploadRoutes(app: FastifyInstance, db: Database) {
  // In a plugin of its own: picture bodies are accepted here and nowhere else.
  await app.register((scope, _options, done) => {
    acceptOnlyBodies(scope, {
      types: UPLOAD_IMAGE_TYPES,
      parseAs: 'buffer',
      maxBytes: UPLOAD_IMAGE_MAX_BYTES,
      unsupported: UNSUPPORTED_PICTURE,
      tooLarge: PICTURE_TOO_LARGE,
    });

    scope.post(
      GUIDE_EDITING_API.uploadImage.path,
      { onRequest: requireStaff(db, 'editor'), bodyLimit: UPLOAD_IMAGE_MAX_BYTES },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new ApiError(415, UNSUPPORTED_PICTURE);
        if (request.body.length === 0) throw new ApiError(422, UNREADABLE_PICTURE);
        const picture = await processPicture(request.body).catch((error: unknown) => {
          if (!(error instanceof UnreadablePicture)) throw error;
          request.log.debug(`Refused an upload: ${error.message}`);
          throw new ApiError(422, UNREADABLE_PICTURE);
        });
        // The id names the bytes: the same picture uploaded again is already here.
        db.prepare(
          'INSERT OR IGNORE INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, ?, ?, ?)',
        ).run(picture.id, picture.mimeType, picture.sha256, picture.bytes);
        const uploaded: UploadedImage = {
          id: picture.id,
          mimeType: picture.mimeType,
          sha256: picture.sha256,
          size: picture.bytes.length,
          width: picture.width,
          height: picture.height,
        };
        return reply.code(201).header('cache-control', 'no-store').send(uploaded);
      },
    );
    done();
  });
}
