/**
 * Content sync: brings the newest published release to the tablet and
 * stages it. It owns the whole download: one sync at a time, only what
 * changed since the release the kiosk shows, pictures checked against their
 * sha256 and kept as each arrives (an interrupted sync resumes), and a staged
 * release only when every part of it is on the tablet. What visitors see
 * changes only when the app applies the staged release between visitors
 * (applyStagedRelease in local-db/content.ts).
 */
import type { ContentRelease } from '../../shared/api/contract.ts';
import {
  CONTENT_PATH,
  imageUrl,
  TABLET_REPORT_HEADERS,
} from '../../shared/api/content-requests.ts';
import type { Guide } from '../../shared/content/guide.ts';
import { readDeviceToken } from '../device/kiosk-device-records.ts';
import {
  imageKey,
  readAppliedGuides,
  readAppliedImages,
  readContentState,
  readStagedImageKeys,
  readStagedRelease,
  recordUnchangedContent,
  stageRelease,
  storeStagedImage,
} from '../local-db/content.ts';
import type {
  ContentState,
  GuideImages,
  KioskDatabase,
  StoredImage,
} from '../local-db/kiosk-db.ts';
import { countOutbox } from '../outbox/outbox-records.ts';
import { APP_VERSION } from './app-version.ts';
import { checkContentRelease } from '../server-answers/answer-checks.ts';

export type SyncOutcome =
  /** The tablet already has (or has staged) the newest release. */
  | { status: 'unchanged'; release: number }
  | {
      status: 'staged';
      release: number;
      /** Guides that came with the answer: only the changed ones, unless the sync was a full one. */
      receivedGuides: number;
      downloadedImages: number;
    }
  | { status: 'busy' };

export class ContentSyncError extends Error {
  override name = 'ContentSyncError';
}

export interface ContentSyncOptions {
  db: KioskDatabase;
  fetch?: typeof fetch;
  /** Where the API lives; empty for the page's own origin. */
  baseUrl?: string;
  /** Reported to the server with each request; the build's version by default. */
  appVersion?: string;
}

const IMAGE_DOWNLOADS_AT_ONCE = 4;
const LOCK_NAME = 'lotsen-content-sync';
let syncInProgress = false;

/** Runs one sync unless another one (in this tab or another) is already running. */
export async function syncContent(options: ContentSyncOptions): Promise<SyncOutcome> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
      lock ? syncOnce(options) : { status: 'busy' as const },
    );
  }
  if (syncInProgress) return { status: 'busy' };
  syncInProgress = true;
  try {
    return await syncOnce(options);
  } finally {
    syncInProgress = false;
  }
}

/** A picture the next release shows, and where its bytes come from. */
interface NeededImage {
  id: string;
  sha256: string;
  /** Known for pictures the server described; pictures already on the tablet are not fetched. */
  mimeType?: string;
}

async function syncOnce(options: ContentSyncOptions): Promise<SyncOutcome> {
  const { db } = options;
  const [applied, staged] = await Promise.all([readContentState(db), readStagedRelease(db)]);
  const answer = await fetchRelease(options, applied?.release ?? 0, staged?.etag ?? applied?.etag);
  if (answer === 'not-modified') {
    const release = staged?.release ?? applied?.release;
    if (release === undefined) {
      throw new ContentSyncError('The server said nothing changed, but this tablet has no guides.');
    }
    return { status: 'unchanged', release };
  }

  let { release, etag } = answer;
  let next = await completeRelease(db, release, applied);
  if (next === 'base-mismatch' && release.since !== 0) {
    // The delta does not fit what the tablet has (e.g. its guides were lost): fetch everything.
    const full = await fetchRelease(options, 0, undefined);
    if (full === 'not-modified') throw new ContentSyncError('The server refused a full sync.');
    ({ release, etag } = full);
    next = await completeRelease(db, release, applied);
  }
  if (next === 'base-mismatch') {
    throw new ContentSyncError(
      `The server's release ${release.release} lists guides or pictures it did not send.`,
    );
  }

  if (applied && !staged && isSameAsApplied(release, applied)) {
    await recordUnchangedContent(db, etag);
    return { status: 'unchanged', release: applied.release };
  }

  const downloaded = await downloadMissingImages(options, next.images);
  const outcome = await stageRelease(db, {
    release: release.release,
    base: applied?.release ?? 0,
    etag,
    library: release.library,
    guideIds: next.guideIds,
    changedGuides: next.changedGuides,
    full: next.full,
    guideImages: next.guideImages,
    images: next.images.map(({ id, sha256 }) => ({ id, sha256 })),
    stagedAt: Date.now(),
  });
  if (outcome.status === 'refused') {
    throw new ContentSyncError(`${outcome.reason} The sync tries again later.`);
  }
  return {
    status: 'staged',
    release: release.release,
    receivedGuides: release.guides.length,
    downloadedImages: downloaded,
  };
}

/** The server's answer for `since`, or 'not-modified' when the ETag still holds. */
async function fetchRelease(
  { db, fetch: fetchImpl = fetch, baseUrl = '', appVersion = APP_VERSION }: ContentSyncOptions,
  since: number,
  etag: string | null | undefined,
): Promise<{ release: ContentRelease; etag: string | null } | 'not-modified'> {
  const [token, outbox] = await Promise.all([readDeviceToken(db), countOutbox(db)]);
  const headers: Record<string, string> = {
    [TABLET_REPORT_HEADERS.appVersion]: appVersion,
    [TABLET_REPORT_HEADERS.pendingCalls]: String(outbox.waitingToSend),
  };
  if (etag) headers['If-None-Match'] = etag;
  // A paired tablet gets its own branch's content (and learns here if its pairing was revoked).
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetchImpl(`${baseUrl}${CONTENT_PATH}?since=${since}`, {
    headers,
    cache: 'no-store',
  });
  if (response.status === 304 && etag) return 'not-modified';
  if (!response.ok) {
    throw new ContentSyncError(`The server answered ${response.status} for content.`);
  }
  const checked = checkContentRelease(await response.json());
  if (!checked.ok) {
    throw new ContentSyncError(
      `The server sent content this kiosk cannot read:\n${checked.problems.join('\n')}`,
    );
  }
  const release = checked.value;
  if (release.since !== 0 && release.since !== since) {
    throw new ContentSyncError(
      `The server sent the changes since release ${release.since}, but this tablet asked for those since ${since}.`,
    );
  }
  return { release, etag: response.headers.get('ETag') };
}

/**
 * The whole next release without reading every guide: the listed guide ids,
 * the guides that change (from the answer), and every picture each guide
 * shows: for a changed guide from its steps, for an unchanged one from the
 * index the applied release keeps. 'base-mismatch' when something listed is
 * in neither.
 */
async function completeRelease(
  db: KioskDatabase,
  release: ContentRelease,
  applied: ContentState | undefined,
): Promise<NextRelease | 'base-mismatch'> {
  const full = release.since === 0 || applied === undefined;
  const received = new Map(release.guides.map((guide) => [guide.id, guide]));
  const [shownIds, shownImages, appliedIndex] = full
    ? [new Set<string>(), new Map<string, NeededImage>(), {} as GuideImages]
    : await Promise.all([
        db.guides
          .toCollection()
          .primaryKeys()
          .then((ids) => new Set(ids)),
        readAppliedImages(db),
        appliedGuideImages(db, applied),
      ]);

  const described = new Map<string, NeededImage>(shownImages);
  for (const image of release.images) described.set(image.id, image);
  const guideImages: GuideImages = {};
  const images = new Map<string, NeededImage>();
  for (const id of release.guideIds) {
    const guide = received.get(id);
    if (!guide && !shownIds.has(id)) return 'base-mismatch';
    const shows = guide ? imagesOf(guide, described) : appliedIndex[id];
    if (!shows) return 'base-mismatch';
    guideImages[id] = shows.map(({ id: imageId, sha256 }) => ({ id: imageId, sha256 }));
    for (const image of shows) {
      const needed = described.get(image.id);
      if (!needed || needed.sha256 !== image.sha256) return 'base-mismatch';
      images.set(image.id, needed);
    }
  }
  return {
    guideIds: release.guideIds,
    changedGuides: release.guides,
    full,
    guideImages,
    images: [...images.values()],
  };
}

interface NextRelease {
  guideIds: string[];
  changedGuides: Guide[];
  full: boolean;
  guideImages: GuideImages;
  images: NeededImage[];
}

/**
 * The pictures a guide shows and the read-aloud recordings it plays, with
 * their hashes; undefined when one is not described.
 */
function imagesOf(guide: Guide, described: Map<string, NeededImage>): NeededImage[] | undefined {
  const ids = new Set(
    guide.steps.flatMap((step) => [
      ...(step.image ? [step.image.id] : []),
      ...Object.values(step.text).flatMap((words) => (words.audio ? [words.audio.id] : [])),
    ]),
  );
  const shows: NeededImage[] = [];
  for (const id of ids) {
    const image = described.get(id);
    if (!image) return undefined;
    shows.push(image);
  }
  return shows;
}

/** The applied release's picture index; built from the guides once for content stored before it existed. */
async function appliedGuideImages(db: KioskDatabase, applied: ContentState): Promise<GuideImages> {
  if (applied.guideImages) return applied.guideImages;
  const [guides, shownImages] = await Promise.all([readAppliedGuides(db), readAppliedImages(db)]);
  const index: GuideImages = {};
  for (const [id, guide] of guides) {
    const shows = imagesOf(guide, shownImages);
    if (shows) index[id] = shows.map(({ id: imageId, sha256 }) => ({ id: imageId, sha256 }));
  }
  return index;
}

/** True when the answer would change nothing the kiosk shows (only its ETag is new). */
function isSameAsApplied(release: ContentRelease, applied: ContentState): boolean {
  return (
    release.release === applied.release &&
    release.guides.length === 0 &&
    JSON.stringify(release.library) === JSON.stringify(applied.library) &&
    JSON.stringify(release.guideIds) === JSON.stringify(applied.guideIds)
  );
}

/**
 * Downloads the pictures not already on the tablet with the same bytes
 * (shown now, or staged by an earlier sync), each stored as it arrives. After
 * a failure no new download starts; the ones under way finish and are kept.
 * Returns how many were downloaded.
 */
async function downloadMissingImages(
  { db, fetch: fetchImpl = fetch, baseUrl = '' }: ContentSyncOptions,
  images: NeededImage[],
): Promise<number> {
  const [appliedImages, stagedKeys] = await Promise.all([
    readAppliedImages(db),
    readStagedImageKeys(db),
  ]);
  const missing = images.filter(
    (image) =>
      appliedImages.get(image.id)?.sha256 !== image.sha256 && !stagedKeys.has(imageKey(image)),
  );
  let next = 0;
  const failures: Error[] = [];
  const worker = async () => {
    while (failures.length === 0 && next < missing.length) {
      const image = missing[next++] as NeededImage;
      try {
        const downloaded = await downloadImage(image, fetchImpl, baseUrl);
        await storeStagedImage(db, downloaded).catch((error: unknown) => {
          // Most often the tablet's storage is full.
          throw new ContentSyncError(
            `The picture "${image.id}" could not be saved on the tablet: ${String(error)}`,
          );
        });
      } catch (error) {
        failures.push(
          error instanceof Error
            ? error
            : new ContentSyncError(`A picture failed: ${String(error)}`),
        );
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(IMAGE_DOWNLOADS_AT_ONCE, missing.length) }, worker),
  );
  if (failures[0]) throw failures[0];
  return missing.length;
}

async function downloadImage(
  image: NeededImage,
  fetchImpl: typeof fetch,
  baseUrl: string,
): Promise<StoredImage> {
  const response = await fetchImpl(`${baseUrl}${imageUrl(image)}`);
  if (!response.ok) {
    throw new ContentSyncError(
      `The picture "${image.id}" could not be downloaded (${response.status}).`,
    );
  }
  const bytes = await response.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== image.sha256) {
    throw new ContentSyncError(
      `The picture "${image.id}" arrived damaged; it will be fetched again.`,
    );
  }
  const mimeType =
    image.mimeType ?? response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    id: image.id,
    sha256,
    mimeType,
    blob: new Blob([bytes], { type: mimeType }),
  };
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
