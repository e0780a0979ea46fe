/**
 * Writes a guide pack: the published documents of the chosen guides (what
 * visitors see, not the drafts) and every picture they show and recording
 * they play, so another Lotsen can import them without anything else.
 */
import {
  GUIDE_PACK_EXTENSION,
  GUIDE_PACK_FORMAT,
  GUIDE_PACK_FORMAT_VERSION,
  type GuidePack,
  type PackImage,
} from '../../shared/api/guide-packs.ts';
import type { Guide } from '../../shared/content/guide.ts';
import { defaultBranchId, readLibrarySettings } from '../content/content-release.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError } from '../http/problems.ts';

interface ImageRow {
  id: string;
  mimeType: PackImage['mimeType'];
  sha256: string;
  bytes: Buffer;
}

/** lotsen-guides-2025-03-14.lotsen.json */
export const packFileName = (now: Date) =>
  `lotsen-guides-${now.toISOString().slice(0, 10)}${GUIDE_PACK_EXTENSION}`;

function readPublished(db: Database, ids: readonly string[] | undefined): Guide[] {
  const rows = db
    .prepare<[], { id: string; document: string }>('SELECT id, document FROM guides ORDER BY id')
    .all();
  const published = new Map(rows.map((row) => [row.id, row.document]));
  const chosen = ids ?? [...published.keys()];
  const unknown = chosen.filter((id) => !published.has(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(', ');
    throw new ApiError(
      404,
      `${unknown.length === 1 ? 'This guide is' : 'These guides are'} not published here, so ` +
        `${unknown.length === 1 ? 'it' : 'they'} cannot be exported: ${names}. ` +
        'Only published guides go into a pack.',
    );
  }
  if (chosen.length === 0) {
    throw new ApiError(404, 'No guide is published yet, so there is nothing to export.');
  }
  // The stored documents were validated when they were published.
  return [...new Set(chosen)].map((id) => JSON.parse(published.get(id) ?? '') as Guide);
}

/** The ids of the pictures a guide shows and the read-aloud recordings it plays. */
export function mediaIdsOf(guide: Guide): string[] {
  return guide.steps.flatMap((step) => [
    ...(step.image ? [step.image.id] : []),
    ...Object.values(step.text).flatMap((words) => (words.audio ? [words.audio.id] : [])),
  ]);
}

function readShownImages(db: Database, guides: readonly Guide[]): PackImage[] {
  const shown = [...new Set(guides.flatMap(mediaIdsOf))].sort();
  const find = db.prepare<[string], ImageRow>(
    'SELECT id, mime_type AS mimeType, sha256, bytes FROM guide_images WHERE id = ?',
  );
  return shown.map((id) => {
    const image = find.get(id);
    // Publishing refuses a guide whose pictures or recordings are missing: the server's fault.
    if (!image) throw new Error(`The published guides use the file "${id}", which is missing.`);
    return {
      id: image.id,
      mimeType: image.mimeType,
      sha256: image.sha256,
      data: image.bytes.toString('base64'),
    };
  });
}

/** The pack of `ids` (every published guide when undefined); 404 names guides that are not published. */
export function exportGuidePack(
  db: Database,
  ids: readonly string[] | undefined,
  now: Date,
): GuidePack {
  return db.transaction(() => {
    const guides = readPublished(db, ids);
    const branchId = defaultBranchId(db);
    const library = branchId === undefined ? undefined : readLibrarySettings(db, branchId);
    return {
      format: GUIDE_PACK_FORMAT,
      formatVersion: GUIDE_PACK_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      exportedFrom: library?.libraryName ?? 'Lotsen',
      guides,
      images: readShownImages(db, guides),
    } satisfies GuidePack;
  })();
}
