/**
 * The tablet's content, as the kiosk shows it and as the sync stages it. A
 * release is written to what visitors see in one transaction and only when
 * it is complete, so a visitor sees the old release or the new one, never a
 * mix of both.
 */
import type { LibrarySettings } from '../../shared/api/contract.ts';
import type { Guide } from '../../shared/content/guide.ts';
import type {
  ContentState,
  GuideImages,
  KioskDatabase,
  ReleaseImage,
  StagedRelease,
  StoredImage,
} from './kiosk-db.ts';

/** Everything a release shows, in the order the kiosk lists its guides. */
export interface CompleteRelease {
  release: number;
  library: LibrarySettings;
  guides: Guide[];
  /** Every picture the guides show; pictures on the tablet that are not listed are deleted. */
  images: { id: string }[];
}

/**
 * Replaces what the kiosk shows with a complete release, in one transaction.
 * Pictures already on the tablet and listed in the release are kept as they are.
 */
export async function replaceContent(
  db: KioskDatabase,
  release: CompleteRelease,
  newImages: StoredImage[],
  etag: string | null,
): Promise<void> {
  await db.transaction('rw', db.guides, db.images, db.contentState, () =>
    writeRelease(
      db,
      {
        release: release.release,
        library: release.library,
        guideIds: release.guides.map((guide) => guide.id),
        changedGuides: release.guides,
        full: true,
        images: release.images,
      },
      newImages,
      etag,
    ),
  );
}

type ReleaseChange = Pick<
  StagedRelease,
  'release' | 'library' | 'guideIds' | 'changedGuides' | 'full'
> & { guideImages?: GuideImages; images: { id: string }[] };

/**
 * Writes a release over what the kiosk shows; the caller holds the transaction.
 * Only changed guides are written and only removed ones deleted, so a delta
 * after one changed guide costs one guide's write, not the whole library's.
 */
async function writeRelease(
  db: KioskDatabase,
  change: ReleaseChange,
  newImages: StoredImage[],
  etag: string | null,
): Promise<void> {
  if (change.full) {
    await db.guides.clear();
  } else {
    const listed = new Set(change.guideIds);
    const shown = await db.guides.toCollection().primaryKeys();
    await db.guides.bulkDelete(shown.filter((id) => !listed.has(id)));
  }
  await db.guides.bulkPut(change.changedGuides);
  await db.images.bulkPut(newImages);
  const shown = new Set(change.images.map((image) => image.id));
  const held = await db.images.toCollection().primaryKeys();
  await db.images.bulkDelete(held.filter((id) => !shown.has(id)));
  await db.contentState.put({
    key: 'content',
    release: change.release,
    etag,
    library: change.library,
    syncedAt: Date.now(),
    guideIds: change.guideIds,
    ...(change.guideImages ? { guideImages: change.guideImages } : {}),
  });
}

export function readContentState(db: KioskDatabase): Promise<ContentState | undefined> {
  return db.contentState.get('content');
}

/** The guides the kiosk shows now, by id. */
export async function readAppliedGuides(db: KioskDatabase): Promise<Map<string, Guide>> {
  const guides = await db.guides.toArray();
  return new Map(guides.map((guide) => [guide.id, guide]));
}

/** Every picture the kiosk shows now, by image id, read from an index: no bytes are loaded. */
export async function readAppliedImages(db: KioskDatabase): Promise<Map<string, ReleaseImage>> {
  const keys = (await db.images.orderBy('[id+sha256]').keys()) as unknown as [string, string][];
  return new Map(keys.map(([id, sha256]) => [id, { id, sha256 }]));
}

export function readStagedRelease(db: KioskDatabase): Promise<StagedRelease | undefined> {
  return db.stagedRelease.get('staged');
}

/** Names one version of a picture, as readStagedImageKeys lists them. */
export const imageKey = (image: ReleaseImage) => `${image.id}@${image.sha256}`;

/** Which pictures are already downloaded into staging, as `id@sha256`. */
export async function readStagedImageKeys(db: KioskDatabase): Promise<Set<string>> {
  const keys = await db.stagedImages.toCollection().primaryKeys();
  return new Set(keys.map(([id, sha256]) => imageKey({ id, sha256 })));
}

/** Keeps one downloaded (and checked) picture, so an interrupted sync need not fetch it again. */
export async function storeStagedImage(db: KioskDatabase, image: StoredImage): Promise<void> {
  await db.stagedImages.put(image);
}

/** The one content row's etag and time, when the server has nothing new to say. */
export async function recordUnchangedContent(
  db: KioskDatabase,
  etag: string | null,
): Promise<void> {
  await db.contentState.update('content', { etag, syncedAt: Date.now() });
}

export type StageOutcome = { status: 'staged' } | { status: 'refused'; reason: string };

/**
 * Writes a downloaded release as the one waiting to be applied, replacing any
 * staged before it. Refused (nothing written) when the tablet's content
 * changed since the sync read it, or a picture the release needs is not on
 * the tablet. Staged pictures that no longer serve any release are removed.
 */
export function stageRelease(
  db: KioskDatabase,
  staged: Omit<StagedRelease, 'key'>,
): Promise<StageOutcome> {
  return db.transaction(
    'rw',
    [db.stagedRelease, db.stagedImages, db.images, db.contentState],
    async (): Promise<StageOutcome> => {
      const applied = await db.contentState.get('content');
      if ((applied?.release ?? 0) !== staged.base) {
        return {
          status: 'refused',
          reason: `The tablet's guides changed to release ${applied?.release ?? 0} during the sync.`,
        };
      }
      const missing = await missingImages(db, staged.images);
      if (missing.length > 0) {
        return {
          status: 'refused',
          reason: `Release ${staged.release} still lacks the pictures ${missing.join(', ')}.`,
        };
      }
      const needed = new Set(staged.images.map(imageKey));
      await db.stagedImages.filter((image) => !needed.has(imageKey(image))).delete();
      await db.stagedRelease.put({ key: 'staged', ...staged });
      return { status: 'staged' };
    },
  );
}

export type ApplyOutcome =
  | { status: 'nothing-staged' }
  | {
      status: 'applied';
      release: number;
      guides: number;
      /** Guides the kiosk showed before and no longer does (unpublished). */
      removedGuides: string[];
      /** Pictures that came in from staging. */
      newImages: number;
    }
  | { status: 'incomplete'; release: number; reason: string };

/**
 * Makes the staged release what the kiosk shows, in one transaction: guides,
 * pictures and library settings change together. A staged release that is
 * not complete is never applied: it is dropped (its downloaded pictures stay
 * for the next sync to reuse) and the reason returned.
 */
export function applyStagedRelease(db: KioskDatabase): Promise<ApplyOutcome> {
  return db.transaction(
    'rw',
    [db.stagedRelease, db.stagedImages, db.guides, db.images, db.contentState],
    async (): Promise<ApplyOutcome> => {
      const staged = await db.stagedRelease.get('staged');
      if (!staged) return { status: 'nothing-staged' };
      const shown = (await db.contentState.get('content'))?.release ?? 0;
      if (!staged.full && shown !== staged.base) {
        await db.stagedRelease.delete('staged');
        return {
          status: 'incomplete',
          release: staged.release,
          reason: `Release ${staged.release} holds the changes since release ${staged.base}, but the kiosk shows release ${shown}. The next sync fetches it again.`,
        };
      }
      const missing = await missingImages(db, staged.images);
      if (missing.length > 0) {
        await db.stagedRelease.delete('staged');
        return {
          status: 'incomplete',
          release: staged.release,
          reason: `Release ${staged.release} was not applied: the pictures ${missing.join(', ')} are missing. The next sync fetches them again.`,
        };
      }
      const before = await db.guides.toCollection().primaryKeys();
      const stagedKeys = await readStagedImageKeys(db);
      const newImages = await db.stagedImages.bulkGet(
        staged.images
          .filter((image) => stagedKeys.has(imageKey(image)))
          .map((image): [string, string] => [image.id, image.sha256]),
      );
      const moved = newImages.filter((image) => image !== undefined);
      await writeRelease(db, staged, moved, staged.etag);
      await db.stagedImages.bulkDelete(
        moved.map((image): [string, string] => [image.id, image.sha256]),
      );
      await db.stagedRelease.delete('staged');
      const kept = new Set(staged.guideIds);
      return {
        status: 'applied',
        release: staged.release,
        guides: staged.guideIds.length,
        removedGuides: before.filter((id) => !kept.has(id)),
        newImages: moved.length,
      };
    },
  );
}

/** The pictures of `images` that are neither shown now with the same bytes nor staged. */
async function missingImages(db: KioskDatabase, images: ReleaseImage[]): Promise<string[]> {
  const [applied, staged] = await Promise.all([readAppliedImages(db), readStagedImageKeys(db)]);
  return images
    .filter(
      (image) => applied.get(image.id)?.sha256 !== image.sha256 && !staged.has(imageKey(image)),
    )
    .map((image) => image.id);
}
