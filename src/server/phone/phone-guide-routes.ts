/**
 * GET /phone/guides/:id?lang=xx: a published guide as a page for phones (see
 * phone-guide-page.ts). A page a person reads, so its problems are pages too:
 * 404 for a guide that is not published, 400 for a language Lotsen does not
 * know, each in Swedish and English. Anything else under /phone/ is a 404
 * page, never the kiosk app.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { imageUrl } from '../../shared/api/contract.ts';
import { Slug } from '../../shared/content/guide.ts';
import { LANGUAGE_CODES, SOURCE_LANGUAGE } from '../../shared/languages.ts';
import { defaultBranchId, readLibrarySettings } from '../content/content-release.ts';
import type { Database } from '../database/open-database.ts';
import { readPublishedDocument } from '../guides/guide-editor-state.ts';
import { PHONE_PAGE_CSP } from './html.ts';
import { phoneGuidePage, phoneProblemPage } from './phone-guide-page.ts';

export const PHONE_GUIDE_PATH = '/phone/guides/:id';

const PhoneGuideQuery = z.object({ lang: z.enum(LANGUAGE_CODES).default(SOURCE_LANGUAGE) });

function sendPage(reply: FastifyReply, status: number, html: string) {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // The guide can change at any publish: always ask, never keep a copy for long.
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PHONE_PAGE_CSP)
      .send(html)
  );
}

function imageAddress(db: Database, imageId: string): string | undefined {
  const image = db
    .prepare<[string], { id: string; sha256: string }>(
      'SELECT id, sha256 FROM guide_images WHERE id = ?',
    )
    .get(imageId);
  return image && imageUrl(image);
}

export function registerPhoneGuidePage(app: FastifyInstance, db: Database): void {
  app.get(PHONE_GUIDE_PATH, async (request, reply) => {
    const params = z.object({ id: Slug }).safeParse(request.params);
    const query = PhoneGuideQuery.safeParse(request.query);
    if (!query.success) return sendPage(reply, 400, phoneProblemPage('badLanguage'));
    const guide = params.success ? readPublishedDocument(db, params.data.id) : undefined;
    if (!guide) return sendPage(reply, 404, phoneProblemPage('notFound'));

    const branchId = defaultBranchId(db);
    const library = branchId === undefined ? undefined : readLibrarySettings(db, branchId);
    const html = phoneGuidePage({
      guide,
      requestedLanguage: query.data.lang,
      fallbackLanguage: library?.fallbackLanguage,
      settings: {
        libraryName: library?.libraryName ?? '',
        infoDesk: library?.infoDesk ?? '',
        transportApp: library?.transportApp ?? '',
      },
      imageAddress: (imageId) => imageAddress(db, imageId),
    });
    return sendPage(reply, 200, html);
  });

  app.get('/phone/*', async (_request, reply) =>
    sendPage(reply, 404, phoneProblemPage('notFound')),
  );
}
