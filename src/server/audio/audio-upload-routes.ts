/**
 * POST /api/admin/audio: an editor uploads a recording of a step read aloud,
 * for a language the tablets have no speech voice for. The body is the
 * file's bytes with its type as Content-Type. It is stored as it came (no
 * transcoding) in guide_images, next to the pictures, and reaches tablets
 * the same way.
 */
import type { FastifyInstance } from 'fastify';
import {
  GUIDE_EDITING_API,
  UPLOAD_AUDIO_MAX_BYTES,
  UPLOAD_AUDIO_TYPES,
  type UploadedAudio,
} from '../../shared/api/guide-editing.ts';
import { requireStaff } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { acceptOnlyBodies } from '../http/only-these-bodies.ts';
import { ApiError } from '../http/problems.ts';
import { declaredAudioType, readRecording } from './audio-format.ts';

const MEGABYTE = 1024 * 1024;

export const UNSUPPORTED_RECORDING =
  'Lotsen takes recordings as MP3, M4A, Ogg or WebM. Save the recording in one of those formats and upload it again.';
export const RECORDING_TOO_LARGE = `The recording is larger than ${UPLOAD_AUDIO_MAX_BYTES / MEGABYTE} MB. Record the step again a little shorter, or save it as MP3 at a lower quality (speech sounds fine at 64 kbit/s), and upload it again.`;
export const UNREADABLE_RECORDING =
  'This is not a recording Lotsen can send to the tablets: the file may be damaged or not what its name says. Open it on your computer, save it again as MP3 or M4A, and upload that.';

export async function registerAudioUploadRoutes(app: FastifyInstance, db: Database) {
  // In a plugin of its own: recording bodies are accepted here and nowhere else.
  await app.register((scope, _options, done) => {
    acceptOnlyBodies(scope, {
      // A browser that does not know the file's type sends octet-stream: the bytes decide.
      types: [...UPLOAD_AUDIO_TYPES, 'application/octet-stream'],
      parseAs: 'buffer',
      maxBytes: UPLOAD_AUDIO_MAX_BYTES,
      unsupported: UNSUPPORTED_RECORDING,
      tooLarge: RECORDING_TOO_LARGE,
    });

    scope.post(
      GUIDE_EDITING_API.uploadAudio.path,
      { onRequest: requireStaff(db, 'editor'), bodyLimit: UPLOAD_AUDIO_MAX_BYTES },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new ApiError(415, UNSUPPORTED_RECORDING);
        const declared = declaredAudioType(request.headers['content-type']);
        const recording = readRecording(request.body, declared);
        if (!recording) {
          request.log.debug(`Refused a recording upload declared as ${declared}.`);
          throw new ApiError(422, UNREADABLE_RECORDING);
        }
        // The id names the bytes: the same recording uploaded again is already here.
        db.prepare(
          'INSERT OR IGNORE INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, ?, ?, ?)',
        ).run(recording.id, recording.mimeType, recording.sha256, recording.bytes);
        const uploaded: UploadedAudio = {
          id: recording.id,
          mimeType: recording.mimeType,
          sha256: recording.sha256,
          size: recording.bytes.length,
        };
        return reply.code(201).header('cache-control', 'no-store').send(uploaded);
      },
    );
    done();
  });
}
