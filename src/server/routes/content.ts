import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/contract.ts';
import { defaultBranchId, readContentRelease } from '../content/content-release.ts';
import type { Database } from '../database/open-database.ts';
import { authenticateDevice, bearerToken } from '../devices/require-device.ts';
import { recordTabletReport, tabletReportOf } from '../devices/tablet-reports.ts';
import { ifNoneMatchHits } from '../http/etag.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';

const ContentQuery = z.object({
  // A paired tablet's branch wins; unpaired kiosks (and the demo) may name one.
  branch: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Use a positive whole number, e.g. ?branch=1.')
    .transform(Number)
    .optional(),
  since: z
    .string()
    .regex(
      /^\d{1,15}$/,
      'Use the number of the release the tablet shows, e.g. ?since=12 (0 for everything).',
    )
    .transform(Number)
    .optional(),
});

/**
 * What changed since the release a tablet shows. Nothing new costs a 304,
 * not a body; a paired tablet's report is recorded either way.
 */
export function registerContentRoutes(app: FastifyInstance, db: Database): void {
  app.get(API.content.path, async (request, reply) => {
    const query = parseRequestPart(ContentQuery, request.query, 'query');
    // A token that is sent must be valid: a revoked tablet learns it here, not by showing the wrong branch.
    const device = bearerToken(request) === undefined ? undefined : authenticateDevice(db, request);
    if (device) {
      recordTabletReport(db, device.id, tabletReportOf(request, query.since ?? 0), new Date());
    }
    const branchId = device?.branchId ?? query.branch ?? defaultBranchId(db);
    const content =
      branchId === undefined ? undefined : readContentRelease(db, branchId, query.since ?? 0);
    if (!content) {
      throw new ApiError(
        404,
        query.branch === undefined
          ? 'This server has no library branch yet, so there is no content to show.'
          : `There is no library branch with id ${query.branch}.`,
      );
    }
    // no-cache: always ask, but a matching ETag makes the answer a cheap 304.
    reply.header('etag', content.etag).header('cache-control', 'no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], content.etag)) {
      return reply.code(304).send();
    }
    return reply.type('application/json; charset=utf-8').send(content.json);
  });
}
