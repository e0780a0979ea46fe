import { sharedLiveQuery, useLiveQuery } from './use-live-query.ts';
import type { Guide } from '../../shared/content/guide.ts';
import type { LibrarySettings } from '../../shared/api/contract.ts';
import { kioskDb, type StoredImage } from './kiosk-db.ts';

/** What the kiosk shows and what waits to be shown: one read, shared by every screen. */
const useKioskContent = sharedLiveQuery(() =>
  kioskDb.transaction(
    'r',
    kioskDb.guides,
    kioskDb.contentState,
    kioskDb.stagedRelease,
    async () => {
      const [guides, state, staged] = await Promise.all([
        kioskDb.guides.toArray(),
        kioskDb.contentState.get('content'),
        // The number only, from the index: the staged row holds every guide it brings.
        kioskDb.stagedRelease.orderBy('release').keys(),
      ]);
      const order = new Map(state?.guideIds?.map((id, index) => [id, index]));
      const place = (guide: Guide) => order.get(guide.id) ?? order.size;
      return {
        guides: guides.sort((a, b) => place(a) - place(b)),
        state: state ?? null,
        stagedRelease: typeof staged[0] === 'number' ? staged[0] : null,
      };
    },
  ),
);

/** Every guide the kiosk shows, in the release's order; undefined while the local database is opening. */
export function useGuides(): Guide[] | undefined {
  return useKioskContent()?.guides;
}

/** One guide as it is stored now; null when the tablet has no such guide. */
export function useGuide(id: string): Guide | null | undefined {
  return useLiveQuery(async () => (await kioskDb.guides.get(id)) ?? null, [id]);
}

/** The content release and library settings; null before the first sync ever finished. */
export function useContentState():
  { release: number; library: LibrarySettings } | null | undefined {
  return useKioskContent()?.state;
}

/** The release staged to be applied between visitors; null when none is waiting. */
export function useStagedRelease(): number | null | undefined {
  return useKioskContent()?.stagedRelease;
}

/**
 * Object URLs by image id. One URL per picture version, reused by every
 * screen that shows it and released when a newer version replaces it.
 */
const objectUrls = new Map<string, { sha256: string; url: string }>();

function objectUrlFor(image: StoredImage): string {
  const cached = objectUrls.get(image.id);
  if (cached?.sha256 === image.sha256) return cached.url;
  if (cached) URL.revokeObjectURL(cached.url);
  const url = URL.createObjectURL(image.blob);
  objectUrls.set(image.id, { sha256: image.sha256, url });
  return url;
}

/** A URL for a picture stored on the tablet; undefined while loading or if the tablet lacks it. */
export function useImageUrl(imageId: string | undefined): string | undefined {
  return useLiveQuery(async () => {
    const image = imageId ? await kioskDb.images.get(imageId) : undefined;
    return image ? objectUrlFor(image) : undefined;
  }, [imageId]);
}
