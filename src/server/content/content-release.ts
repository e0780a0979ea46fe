/**
 * Reads what a tablet downloads: its branch's settings, and the published
 * guides that changed after the release the tablet shows, with the pictures
 * they show and the recordings they play. Guides were validated against the
 * shared schema when they were written, so the body is put together from the
 * stored JSON documents instead of parsing and writing every guide again on
 * every request.
 */
import type { ContentImage, LibrarySettings } from '../../shared/api/contract.ts';
import type { Database } from '../database/open-database.ts';
import { readIdleResetSeconds, readPublicUrl } from '../settings/library-settings.ts';
import { bodyEtag } from '../http/etag.ts';

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

/** The branch's settings with the library-wide ones every kiosk follows. */
export function readLibrarySettings(db: Database, branchId: number): LibrarySettings | undefined {
  const branch = db
    .prepare<[number], BranchRow>(
      `SELECT id AS branchId, name AS libraryName, info_desk AS infoDesk,
              transport_app AS transportApp, fallback_language AS fallbackLanguage
         FROM branches WHERE id = ?`,
    )
    .get(branchId);
  if (!branch) return undefined;
  return { ...branch, idleResetSeconds: readIdleResetSeconds(db), publicUrl: readPublicUrl(db) };
}

/** A ContentRelease as JSON text, ready to send, with the ETag that names it. */
export interface ContentReleaseBody {
  release: number;
  /** What the changes are counted from: 0 when the whole content is in the body. */
  since: number;
  etag: string;
  /** A ContentRelease (src/shared/api/contract.ts) as JSON. */
  json: string;
}

/**
 * The pictures and read-aloud recordings of the guides changed after `since`,
 * found by SQLite in the stored JSON (json_each over the steps and their
 * languages) rather than by parsing every guide.
 */
function readShownImages(db: Database, since: number): ContentImage[] {
  return db
    .prepare<{ since: number }, ContentImage>(
      `SELECT id, sha256, mime_type AS mimeType, length(bytes) AS size
         FROM guide_images
        WHERE id IN (SELECT json_extract(step.value, '$.image.id')
                       FROM guides, json_each(guides.document, '$.steps') AS step
                      WHERE guides.release_id > @since
                     UNION
                     SELECT json_extract(words.value, '$.audio.id')
                       FROM guides, json_each(guides.document, '$.steps') AS step,
                            json_each(step.value, '$.text') AS words
                      WHERE guides.release_id > @since)
        ORDER BY id`,
    )
    .all({ since });
}

/**
 * What changed for a tablet that shows release `since` (0: it has nothing);
 * undefined when there is no such branch. A `since` newer than the newest
 * release means the server's database was replaced: the tablet gets everything.
 */
export function readContentRelease(
  db: Database,
  branchId: number,
  requestedSince: number,
): ContentReleaseBody | undefined {
  // One read transaction: the guides, images and release number belong to the same moment.
  return db.transaction(() => {
    const library = readLibrarySettings(db, branchId);
    if (!library) return undefined;
    const newest = db
      .prepare<[], { id: number; createdAt: string }>(
        'SELECT id, created_at AS createdAt FROM content_releases ORDER BY id DESC LIMIT 1',
      )
      .get();
    const release = newest?.id ?? 0;
    const since = requestedSince > release ? 0 : requestedSince;
    // The ETag names the newest release, not the starting point: a tablet that holds (or has
    // staged) it needs nothing, whatever it counts from. The release's time tells a restored
    // backup's release 7 from the lost database's release 7.
    const etag = bodyEtag(JSON.stringify([release, newest?.createdAt, library]));

    const guideIds = db.prepare<[], string>('SELECT id FROM guides ORDER BY id').pluck().all();
    const documents = db
      .prepare<[number], string>('SELECT document FROM guides WHERE release_id > ? ORDER BY id')
      .pluck()
      .all(since);
    const images = readShownImages(db, since);
    const json =
      `{"release":${release},"since":${since},"library":${JSON.stringify(library)},` +
      `"guideIds":${JSON.stringify(guideIds)},"guides":[${documents.join(',')}],` +
      `"images":${JSON.stringify(images)}}`;
    return { release, since, etag, json };
  })();
}
