import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/contract.ts';
import { parseByteRange } from '../audio/byte-range.ts';
import { findGuideImage } from '../content/guide-images.ts';
import type { Database } from '../database/open-database.ts';
import { ifNoneMatchHits } from '../http/etag.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { SVG_CONTENT_SECURITY_POLICY } from '../http/security-headers.ts';

const ImageParams = z.object({ id: z.string() });
const ImageQuery = z.object({ v: z.string().optional() });

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A guide's picture or read-aloud recording. imageUrl() adds ?v=<sha256>: when it matches, the URL
 * can never show other bytes and may be cached for good.
 */
export function registerImageRoutes(app: FastifyInstance, db: Database): void {
  app.get(API.image.path, async (request, reply) => {
    const { id } = parseRequestPart(ImageParams, request.params, 'image address');
    const { v } = parseRequestPart(ImageQuery, request.query, 'query');
    const image = findGuideImage(db, id);
    if (!image) throw new ApiError(404, `There is no image with id "${id}".`);

    const etag = `"${image.sha256}"`;
    reply
      .header('etag', etag)
      .header('cache-control', v === image.sha256 ? IMMUTABLE : 'no-cache')
      .header('content-type', image.mimeType);
    if (image.mimeType === 'image/svg+xml') {
      // An SVG opened on its own is a document; this keeps any script in it from running.
      reply.header('content-security-policy', SVG_CONTENT_SECURITY_POLICY);
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    if (image.mimeType.startsWith('audio/')) {
      // A recording played from here (the editor's preview) is read in ranges.
      reply.header('accept-ranges', 'bytes');
      const ifRange = request.headers['if-range'];
      const range =
        ifRange === undefined || ifRange === etag
          ? parseByteRange(request.headers.range, image.bytes.length)
          : undefined;
      if (range === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${image.bytes.length}`).send();
      }
      if (range) {
        return reply
          .code(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${image.bytes.length}`)
          .send(image.bytes.subarray(range.start, range.end + 1));
      }
    }
    return reply.send(image.bytes);
  });
}
