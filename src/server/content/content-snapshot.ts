/**
 * Reads what a kiosk downloads: its branch's settings, the published guides
 * and the images they show. Guides were validated against the shared schema
 * when they were written, so they are not parsed again on every request
 * (tests/server/content.test.ts re-validates what is stored).
 */
import type { ContentImage, ContentSnapshot, LibrarySettings } from '../../shared/api/contract.ts';
import type { Guide } from '../../shared/content/guide.ts';
import type { Database } from '../database/open-database.ts';

interface BranchRow {
  branchId: number;
  libraryName: string;
  infoDesk: string;
  transportApp: string;
  fallbackLanguage: LibrarySettings['fallbackLanguage'];
}

/** The branch a request without ?branch= gets: the first one created. */
export function defaultBranchId(db: Database): number | undefined {
  return db.prepare<[], { id: number }>('SELECT id FROM branches ORDER BY id LIMIT 1').get()?.id;
}

export function readLibrarySettings(db: Database, branchId: number): LibrarySettings | undefined {
  return db
    .prepare<[number], BranchRow>(
      `SELECT id AS branchId, name AS libraryName, info_desk AS infoDesk,
              transport_app AS transportApp, fallback_language AS fallbackLanguage
         FROM branches WHERE id = ?`,
    )
    .get(branchId);
}

/** The newest release number; 0 when nothing has been published. */
function latestRelease(db: Database): number {
  const row = db
    .prepare<[], { release: number | null }>('SELECT MAX(id) AS release FROM content_releases')
    .get();
  return row?.release ?? 0;
}

function readGuides(db: Database): Guide[] {
  return db
    .prepare<[], { document: string }>('SELECT document FROM guides ORDER BY id')
    .all()
    .map((row) => JSON.parse(row.document) as Guide);
}

/** Only the images some guide shows, so kiosks do not store pictures nobody sees. */
function readImages(db: Database, guides: Guide[]): ContentImage[] {
  const shown = new Set(
    guides.flatMap((guide) => guide.steps.flatMap((step) => (step.image ? [step.image.id] : []))),
  );
  return db
    .prepare<[], ContentImage>(
      `SELECT id, mime_type AS mimeType, sha256, length(bytes) AS size
         FROM guide_images ORDER BY id`,
    )
    .all()
    .filter((image) => shown.has(image.id));
}

/** Everything the branch's kiosks need; undefined when there is no such branch. */
export function readContentSnapshot(db: Database, branchId: number): ContentSnapshot | undefined {
  // One read transaction: the guides, images and release number belong to the same moment.
  return db.transaction(() => {
    const library = readLibrarySettings(db, branchId);
    if (!library) return undefined;
    const guides = readGuides(db);
    return { release: latestRelease(db), library, guides, images: readImages(db, guides) };
  })();
}
