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
import { readReviewAfterDays, writeReviewAfterDays } from '../settings/library-settings.ts';

const readSettings = (db: Database): LibrarySettingsForAdmins => ({
  reviewAfterDays: readReviewAfterDays(db),
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
        writeReviewAfterDays(db, change.reviewAfterDays);
      })();
      request.log.info(
        `${staffOf(request).email} set the review age to ${change.reviewAfterDays} days.`,
      );
      return readSettings(db);
    },
  );
}
