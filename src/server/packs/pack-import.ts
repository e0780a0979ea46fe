/**
 * Previews and imports guide packs. An import is one transaction: the
 * pictures, every draft and (when asked) every publish happen together or
 * not at all, and the pack is checked inside it, against the database as
 * it is at that moment.
 */
import type { PackImport } from '../../shared/api/guide-packs.ts';
import type { Database } from '../database/open-database.ts';
import { publishGuide, readGuideEditorState, replaceDraft } from '../guides/guide-store.ts';
import { checkPack, type PackPlan } from './pack-check.ts';

export type PackOutcome = { ok: true; report: PackImport } | { ok: false; problems: string[] };

function report(plan: PackPlan, applied: boolean, published: boolean): PackImport {
  return {
    applied,
    published,
    exportedFrom: plan.pack.exportedFrom,
    exportedAt: plan.pack.exportedAt,
    guides: plan.guides.map((guide) => guide.report),
    images: plan.images,
  };
}

/** What an import would do; reads only. */
export function previewPack(db: Database, body: string): PackOutcome {
  return db.transaction(() => {
    const check = checkPack(db, body);
    return check.ok ? { ok: true as const, report: report(check.plan, false, false) } : check;
  })();
}

export interface ImportOptions {
  publish: boolean;
  /** The importer's email, for the drafts' and releases' history. */
  by: string;
}

export function importPack(
  db: Database,
  body: string,
  { publish, by }: ImportOptions,
): PackOutcome {
  return db
    .transaction((): PackOutcome => {
      const check = checkPack(db, body);
      if (!check.ok) return check;
      const { plan } = check;
      const insertImage = db.prepare(
        'INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, ?, ?, ?)',
      );
      for (const image of plan.newImages) {
        insertImage.run(image.id, image.mimeType, image.sha256, image.bytes);
      }
      const note = `Imported from ${plan.pack.exportedFrom}`.slice(0, 300);
      for (const { draft, report: guide } of plan.guides) {
        const state =
          guide.action === 'unchanged'
            ? readGuideEditorState(db, draft.id)
            : replaceDraft(db, draft, by);
        // A guide tablets already show as it is in the pack makes no new release.
        if (publish && state?.unpublishedChanges !== false) {
          publishGuide(db, draft.id, { note, by });
        }
      }
      return { ok: true, report: report(plan, true, publish) };
    })
    .immediate();
}
