/**
 * Guide packs over HTTP (GUIDE_PACKS_API): export as a file download, and
 * preview / import of an uploaded pack. Editors and admins only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  GUIDE_PACK_MAX_BYTES,
  GUIDE_PACKS_API,
  type PackProblem,
} from '../../shared/api/guide-packs.ts';
import { Slug } from '../../shared/content/guide.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { acceptOnlyBodies } from '../http/only-these-bodies.ts';
import { ApiError, apiProblem, parseRequestPart } from '../http/problems.ts';
import { exportGuidePack, packFileName } from './pack-export.ts';
import { importPack, previewPack, type PackOutcome } from './pack-import.ts';

const MEGABYTE = 1024 * 1024;

export const PACK_TOO_LARGE = `The guide pack is larger than ${GUIDE_PACK_MAX_BYTES / MEGABYTE} MB, the most Lotsen imports. Export fewer guides at a time.`;
export const PACK_NOT_JSON =
  'Send the guide pack file as it was exported (a .lotsen.json file, Content-Type application/json).';

const ExportQuery = z.object({
  // ?guides=a,b; left out: every published guide.
  guides: z
    .string()
    .transform((list) => list.split(',').map((id) => id.trim()))
    .pipe(z.array(Slug))
    .optional(),
});

const ImportQuery = z.object({
  publish: z.enum(['true', 'false'], 'Use ?publish=true or leave it out.').optional(),
});

function packProblem(problems: string[]): PackProblem {
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return {
    ...apiProblem(422, `This guide pack cannot be imported: it has ${count}. Nothing was changed.`),
    code: 'invalid-pack',
    problems,
  };
}

export async function registerGuidePackRoutes(app: FastifyInstance, db: Database) {
  const editor = requireStaff(db, 'editor');

  app.get(GUIDE_PACKS_API.export.path, { onRequest: editor }, async (request, reply) => {
    const { guides } = parseRequestPart(ExportQuery, request.query, 'query');
    const now = new Date();
    const pack = exportGuidePack(db, guides, now);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${packFileName(now)}"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(pack));
  });

  // In a plugin of its own: only these two routes take bodies this large.
  await app.register((scope, _options, done) => {
    // The body is read as text and parsed by the pack check, so bad JSON is one of the pack's problems.
    acceptOnlyBodies(scope, {
      types: ['application/json'],
      parseAs: 'string',
      maxBytes: GUIDE_PACK_MAX_BYTES,
      unsupported: PACK_NOT_JSON,
      tooLarge: PACK_TOO_LARGE,
    });

    const options = { onRequest: editor, bodyLimit: GUIDE_PACK_MAX_BYTES };
    // A refused pack answers with every problem, which an ApiError cannot carry.
    const answer = (reply: FastifyReply, outcome: PackOutcome) =>
      outcome.ok
        ? reply.header('cache-control', 'no-store').send(outcome.report)
        : reply.code(422).send(packProblem(outcome.problems));

    scope.post(GUIDE_PACKS_API.preview.path, options, async (request, reply) =>
      answer(reply, previewPack(db, packText(request.body))),
    );

    scope.post(GUIDE_PACKS_API.import.path, options, async (request, reply) => {
      const { publish } = parseRequestPart(ImportQuery, request.query, 'query');
      const by = staffOf(request).email;
      const outcome = importPack(db, packText(request.body), { publish: publish === 'true', by });
      if (outcome.ok) {
        request.log.info(
          `${by} imported ${outcome.report.guides.length} guides from "${outcome.report.exportedFrom}".`,
        );
      }
      return answer(reply, outcome);
    });
    done();
  });
}

function packText(body: unknown): string {
  if (typeof body !== 'string') throw new ApiError(415, PACK_NOT_JSON);
  return body;
}
