import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/contract.ts';
import { defaultBranchId, readContentSnapshot } from '../content/content-snapshot.ts';
import type { Database } from '../database/open-database.ts';
import { authenticateDevice, bearerToken } from '../devices/require-device.ts';
import { bodyEtag, ifNoneMatchHits } from '../http/etag.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';

const ContentQuery = z.object({
  // A paired tablet's branch wins; unpaired kiosks (and the demo) may name one.
  branch: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Use a positive whole number, e.g. ?branch=1.')
    .transform(Number)
    .optional(),
});

/** The content snapshot kiosks sync. Unchanged content costs a 304, not the whole body. */
export function registerContentRoutes(app: FastifyInstance, db: Database): void {
  app.get(API.content.path, async (request, reply) => {
    const query = parseRequestPart(ContentQuery, request.query, 'query');
    // A token that is sent must be valid: a revoked tablet learns it here, not by showing the wrong branch.
    const device = bearerToken(request) === undefined ? undefined : authenticateDevice(db, request);
    const branchId = device?.branchId ?? query.branch ?? defaultBranchId(db);
    const snapshot = branchId === undefined ? undefined : readContentSnapshot(db, branchId);
    if (!snapshot) {
      throw new ApiError(
        404,
        query.branch === undefined
          ? 'This server has no library branch yet, so there is no content to show.'
          : `There is no library branch with id ${query.branch}.`,
      );
    }
    const body = JSON.stringify(snapshot);
    const etag = bodyEtag(body);
    // no-cache: always ask, but a matching ETag makes the answer a cheap 304.
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
