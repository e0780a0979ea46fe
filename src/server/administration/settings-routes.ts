/** Library-wide settings: editors read them (the review age flags guides), admins change them. */
import type { FastifyInstance } from 'fastify';
import {
  ADMINISTRATION_API,
  LibrarySettingsChange,
  type LibrarySettingsForAdmins,
} from '../../shared/api/administration.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { parseRequestPart } from '../http/problems.ts';
import {
  readIdleResetSeconds,
  readPublicUrl,
  readReviewAfterDays,
  writeIdleResetSeconds,
  writePublicUrl,
  writeReviewAfterDays,
} from '../settings/library-settings.ts';

const readSettings = (db: Database): LibrarySettingsForAdmins => ({
  reviewAfterDays: readReviewAfterDays(db),
  idleResetSeconds: readIdleResetSeconds(db),
  publicUrl: readPublicUrl(db),
});

export function registerSettingsRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    ADMINISTRATION_API.settings.path,
    { preHandler: requireStaff(db, 'editor') },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return readSettings(db);
    },
  );

  app.put(
    ADMINISTRATION_API.changeSettings.path,
    { preHandler: requireStaff(db, 'admin') },
    (request) => {
      const change = parseRequestPart(LibrarySettingsChange, request.body, 'settings');
      db.transaction(() => {
        if (change.reviewAfterDays !== undefined) writeReviewAfterDays(db, change.reviewAfterDays);
        if (change.idleResetSeconds !== undefined)
          writeIdleResetSeconds(db, change.idleResetSeconds);
        if (change.publicUrl !== undefined) writePublicUrl(db, change.publicUrl);
      })();
      request.log.info(
        `${staffOf(request).email} changed the settings: ${JSON.stringify(change)}.`,
      );
      return readSettings(db);
    },
  );
}
