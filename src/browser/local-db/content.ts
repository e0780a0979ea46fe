import type { ContentSnapshot } from '../../shared/api/contract.ts';
import type { ContentState, KioskDatabase, StoredImage } from './kiosk-db.ts';

/**
 * Replaces the tablet's content with a complete release in one transaction:
 * a visitor sees the old release or the new one, never a half-updated guide.
 * Images already on the tablet with the same bytes are kept as they are.
 */
export async function replaceContent(
  db: KioskDatabase,
  snapshot: ContentSnapshot,
  downloadedImages: StoredImage[],
  etag: string | null,
): Promise<void> {
  const keptImageIds = snapshot.images.map((image) => image.id);
  await db.transaction('rw', db.guides, db.images, db.contentState, async () => {
    await db.guides.clear();
    await db.guides.bulkPut(snapshot.guides);
    await db.images.bulkPut(downloadedImages);
    await db.images.where('id').noneOf(keptImageIds).delete();
    await db.contentState.put({
      key: 'content',
      release: snapshot.release,
      etag,
      library: snapshot.library,
      syncedAt: Date.now(),
    });
  });
}

export function readContentState(db: KioskDatabase): Promise<ContentState | undefined> {
  return db.contentState.get('content');
}

/** The sha256 of every image the tablet already holds, by image id. */
export async function readStoredImageHashes(db: KioskDatabase): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  await db.images.each((image) => hashes.set(image.id, image.sha256));
  return hashes;
}
