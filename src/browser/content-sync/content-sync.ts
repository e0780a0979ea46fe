/**
 * Content sync: brings the tablet's guides and pictures up to the server's
 * published release. It owns the whole process: one sync at a time,
 * downloads checked against their sha256, and a switch to the new release
 * only when every part of it is on the tablet.
 */
import { API, ContentSnapshot, imageUrl, type ContentImage } from '../../shared/api/contract.ts';
import { describeProblems } from '../../shared/content/guide.ts';
import type { KioskDatabase, StoredImage } from '../local-db/kiosk-db.ts';
import { readContentState, readStoredImageHashes, replaceContent } from '../local-db/content.ts';
import { readDeviceToken } from '../device/kiosk-device-records.ts';

export type SyncOutcome =
  | { status: 'unchanged'; release: number }
  | { status: 'updated'; release: number; downloadedImages: number }
  | { status: 'busy' };

export class ContentSyncError extends Error {
  override name = 'ContentSyncError';
}

export interface ContentSyncOptions {
  db: KioskDatabase;
  fetch?: typeof fetch;
  /** Where the API lives; empty for the page's own origin. */
  baseUrl?: string;
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

async function syncOnce({ db, fetch: fetchImpl = fetch, baseUrl = '' }: ContentSyncOptions) {
  const state = await readContentState(db);
  const headers: Record<string, string> = state?.etag ? { 'If-None-Match': state.etag } : {};
  // A paired tablet gets its own branch's content (and learns here if its pairing was revoked).
  const token = await readDeviceToken(db);
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetchImpl(`${baseUrl}${API.content.path}`, { headers, cache: 'no-store' });
  if (response.status === 304 && state)
    return { status: 'unchanged' as const, release: state.release };
  if (!response.ok)
    throw new ContentSyncError(`The server answered ${response.status} for content.`);

  const parsed = ContentSnapshot.safeParse(await response.json());
  if (!parsed.success) {
    throw new ContentSyncError(
      `The server sent content this kiosk cannot read:\n${describeProblems(parsed.error)}`,
    );
  }
  const snapshot = parsed.data;
  const storedHashes = await readStoredImageHashes(db);
  const missing = snapshot.images.filter((image) => storedHashes.get(image.id) !== image.sha256);
  // Everything is downloaded before anything is written: an interrupted sync leaves the old release whole.
  const downloaded = await downloadAll(missing, (image) =>
    downloadImage(image, fetchImpl, baseUrl),
  );
  await replaceContent(db, snapshot, downloaded, response.headers.get('ETag'));
  return {
    status: 'updated' as const,
    release: snapshot.release,
    downloadedImages: downloaded.length,
  };
}

async function downloadAll<T, R>(items: T[], download: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      results.push(await download(item));
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(IMAGE_DOWNLOADS_AT_ONCE, items.length) }, worker),
  );
  return results;
}

async function downloadImage(
  image: ContentImage,
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
  return {
    id: image.id,
    sha256,
    mimeType: image.mimeType,
    blob: new Blob([bytes], { type: image.mimeType }),
  };
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
