/** The guide editor's API (GUIDE_EDITING_API), for editors and admins. Uploads live elsewhere. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ConfirmTranslation,
  GUIDE_EDITING_API,
  NewGuide,
  PublishGuide,
  RevertGuide,
  SaveDraft,
  type GuideEditorState,
  type GuideList,
  type GuideVersionDocument,
  type GuideVersionList,
  type PublishResult,
  type TranslationMatrix,
} from '../../shared/api/guide-editing.ts';
import { Slug } from '../../shared/content/guide.ts';
import { isLanguageCode, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { answeringGuideProblems } from './guide-problems.ts';
import {
  confirmGuideTranslation,
  createGuide,
  deleteGuide,
  listGuides,
  listVersions,
  publishGuide,
  readGuideEditorState,
  readTranslationMatrix,
  readVersion,
  revertGuide,
  saveDraft,
  unpublishGuide,
} from './guide-store.ts';

const GuideParams = z.object({ id: Slug });

const VersionParams = z.object({
  id: Slug,
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Use the version number, e.g. /versions/3.')
    .transform(Number),
});

const TranslationParams = z.object({
  id: Slug,
  language: z
    .string()
    .refine(
      (code): code is LanguageCode => isLanguageCode(code) && code !== SOURCE_LANGUAGE,
      'Use the code of a language other than Swedish, e.g. "en" or "ar".',
    ),
});

function found<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new ApiError(404, `There is no guide with the id "${id}".`);
  return value;
}

export function registerGuideEditingRoutes(app: FastifyInstance, db: Database): void {
  const editor = { preHandler: requireStaff(db, 'editor') };
  const guideId = (params: unknown) => parseRequestPart(GuideParams, params, 'address').id;

  app.get(GUIDE_EDITING_API.list.path, editor, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return listGuides(db, new Date()) satisfies GuideList;
  });

  app.post(GUIDE_EDITING_API.create.path, editor, async (request, reply) => {
    const { draft } = parseRequestPart(NewGuide, request.body, 'guide');
    const created = createGuide(db, draft, staffOf(request).email);
    return reply.code(201).send(created satisfies GuideEditorState);
  });

  app.get(GUIDE_EDITING_API.get.path, editor, async (request, reply) => {
    const id = guideId(request.params);
    reply.header('cache-control', 'no-store');
    return found(readGuideEditorState(db, id), id) satisfies GuideEditorState;
  });

  app.put(GUIDE_EDITING_API.saveDraft.path, editor, async (request, reply) => {
    const id = guideId(request.params);
    const { baseRevision, draft } = parseRequestPart(SaveDraft, request.body, 'draft');
    return answeringGuideProblems(
      reply,
      () =>
        saveDraft(db, id, baseRevision, draft, staffOf(request).email) satisfies GuideEditorState,
    );
  });

  app.post(GUIDE_EDITING_API.publish.path, editor, async (request, reply) => {
    const id = guideId(request.params);
    const { baseRevision, note } = parseRequestPart(PublishGuide, request.body, 'publish');
    return answeringGuideProblems(
      reply,
      () =>
        publishGuide(db, id, {
          baseRevision,
          note,
          by: staffOf(request).email,
        }) satisfies PublishResult,
    );
  });

  app.post(GUIDE_EDITING_API.unpublish.path, editor, (request) => {
    const id = guideId(request.params);
    return unpublishGuide(db, id, staffOf(request).email) satisfies GuideEditorState;
  });

  app.delete(GUIDE_EDITING_API.remove.path, editor, async (request, reply) => {
    deleteGuide(db, guideId(request.params));
    return reply.code(204).send();
  });

  app.get(GUIDE_EDITING_API.versions.path, editor, async (request, reply) => {
    const id = guideId(request.params);
    reply.header('cache-control', 'no-store');
    return found(listVersions(db, id), id) satisfies GuideVersionList;
  });

  app.get(GUIDE_EDITING_API.version.path, editor, async (request, reply) => {
    const { id, version } = parseRequestPart(VersionParams, request.params, 'address');
    reply.header('cache-control', 'no-store');
    const document = readVersion(db, id, version);
    if (!document) throw new ApiError(404, `The guide "${id}" has no version ${version}.`);
    return document satisfies GuideVersionDocument;
  });

  app.post(GUIDE_EDITING_API.revert.path, editor, async (request, reply) => {
    const id = guideId(request.params);
    const { baseRevision, version } = parseRequestPart(RevertGuide, request.body, 'revert');
    return answeringGuideProblems(
      reply,
      () =>
        revertGuide(
          db,
          id,
          baseRevision,
          version,
          staffOf(request).email,
        ) satisfies GuideEditorState,
    );
  });

  app.post(GUIDE_EDITING_API.confirmTranslation.path, editor, async (request, reply) => {
    const { id, language } = parseRequestPart(TranslationParams, request.params, 'address');
    const { baseRevision } = parseRequestPart(ConfirmTranslation, request.body, 'confirmation');
    return answeringGuideProblems(
      reply,
      () => confirmGuideTranslation(db, id, baseRevision, language) satisfies GuideEditorState,
    );
  });

  app.get(GUIDE_EDITING_API.translations.path, editor, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return readTranslationMatrix(db, new Date()) satisfies TranslationMatrix;
  });
}
