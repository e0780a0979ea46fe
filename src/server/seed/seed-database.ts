/**
 * Fills a brand-new database with a demo branch and the demo guides, so a
 * fresh install shows a working kiosk at once. A database that already has
 * a branch is never touched: the library's own content is not overwritten.
 */
import type { BranchSettings } from '../../shared/api/contract.ts';
import type { Database } from '../database/open-database.ts';
import { parseSeedContent, type SeedContent } from './seed-content.ts';
import { bundledSeedFiles } from './seed-files.ts';

export const DEMO_BRANCH: Omit<BranchSettings, 'branchId'> = {
  libraryName: 'Stadsbiblioteket (demo)',
  infoDesk: 'Informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
  fallbackLanguage: 'sv',
};

/** Seeds `db` if it has no branch yet. Returns whether it did. */
export function seedDatabase(
  db: Database,
  content: SeedContent = parseSeedContent(bundledSeedFiles()),
): boolean {
  const seed = db.transaction(() => {
    const branches = db
      .prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM branches')
      .get();
    if (branches && branches.count > 0) return false;

    db.prepare(
      'INSERT INTO branches (name, info_desk, transport_app, fallback_language) VALUES (?, ?, ?, ?)',
    ).run(
      DEMO_BRANCH.libraryName,
      DEMO_BRANCH.infoDesk,
      DEMO_BRANCH.transportApp,
      DEMO_BRANCH.fallbackLanguage,
    );
    const release = db
      .prepare(
        "INSERT INTO content_releases (note, published_by) VALUES ('Demo guides shipped with Lotsen', 'seed')",
      )
      .run();
    const insertGuide = db.prepare(
      'INSERT INTO guides (id, document, release_id) VALUES (?, ?, ?)',
    );
    // Each demo guide is also a draft and its first version, so editors can work on it at once.
    const insertDraft = db.prepare(
      "INSERT INTO guide_drafts (guide_id, document, revision, saved_by) VALUES (?, ?, 1, 'seed')",
    );
    const insertVersion = db.prepare(
      `INSERT INTO guide_versions (guide_id, version, document, release_id, published_by, draft_revision)
       VALUES (?, 1, ?, ?, 'seed', 1)`,
    );
    for (const guide of content.guides) {
      const document = JSON.stringify(guide);
      insertGuide.run(guide.id, document, release.lastInsertRowid);
      insertDraft.run(guide.id, document);
      insertVersion.run(guide.id, document, release.lastInsertRowid);
    }
    const insertImage = db.prepare(
      'INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, ?, ?, ?)',
    );
    for (const image of content.images) {
      insertImage.run(image.id, image.mimeType, image.sha256, image.bytes);
    }
    return true;
  });
  // IMMEDIATE takes the write lock before the check, so two starting servers cannot both seed.
  return seed.immediate();
}
