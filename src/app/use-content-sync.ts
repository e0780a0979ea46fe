import { useCallback, useEffect, useRef } from 'react';
import type { ContentSyncSchedule } from '../browser/content-sync/content-sync-schedule.ts';
import { useContentState, useStagedRelease } from '../browser/local-db/content-hooks.ts';
import { useLazyProcess } from './use-lazy-process.ts';

/** Back on the start screen, a sync older than this is repeated: cheap, as nothing new costs a 304. */
const SYNC_BETWEEN_VISITORS_AFTER_MS = 60_000;

const loadContentSync = () =>
  Promise.all([
    import('../browser/content-sync/content-sync-schedule.ts'),
    import('../browser/content-sync/content-worker-client.ts'),
  ]);
type ContentSyncModules = Awaited<ReturnType<typeof loadContentSync>>;

/**
 * Keeps the tablet's guides fresh for as long as the app is open: the sync
 * downloads and stages new releases in the background, and a staged release
 * is applied only between visitors (or at once on a tablet with no guides
 * yet), so nobody's guide or guide list changes under their finger.
 * Returns a way to apply a staged release now, for the moment the kiosk starts
 * over: the visitor has gone.
 */
export function useContentSync(
  enabled: boolean,
  betweenVisitors: boolean,
): { applyStagedGuides: () => Promise<void> } {
  const schedule = useRef<ContentSyncSchedule | null>(null);
  const start = useCallback(([{ scheduleContentSync }, { contentWorker }]: ContentSyncModules) => {
    const started = scheduleContentSync({
      sync: () => contentWorker().sync(),
      onError: (error) => {
        console.warn('Content sync failed; the tablet keeps its guides.', error);
      },
    });
    schedule.current = started;
    return () => {
      started.stop();
      schedule.current = null;
    };
  }, []);
  useLazyProcess('content sync', loadContentSync, start, enabled);

  useEffect(() => {
    if (enabled && betweenVisitors) {
      void schedule.current?.syncIfOlderThan(SYNC_BETWEEN_VISITORS_AFTER_MS);
    }
  }, [enabled, betweenVisitors]);

  useApplyBetweenVisitors(enabled, betweenVisitors);
  const applyNow = useCallback(
    () => (enabled ? applyStagedGuides() : Promise.resolve()),
    [enabled],
  );
  return { applyStagedGuides: applyNow };
}

/** Applies the staged release, if there is one; on failure the tablet keeps the guides it has. */
async function applyStagedGuides(): Promise<void> {
  try {
    const { contentWorker } = await import('../browser/content-sync/content-worker-client.ts');
    const outcome = await contentWorker().applyStaged();
    if (outcome.status === 'incomplete') console.warn(outcome.reason);
  } catch (error) {
    console.warn('The new guides could not be applied; the tablet keeps its guides.', error);
  }
}

function useApplyBetweenVisitors(enabled: boolean, betweenVisitors: boolean): void {
  const staged = useStagedRelease();
  const content = useContentState();
  // undefined while the local database opens; null on a tablet that never had guides.
  const hasContent = content === undefined ? undefined : content !== null;
  const mayApply = hasContent === false || (hasContent === true && betweenVisitors);

  useEffect(() => {
    if (!enabled || staged == null || !mayApply) return;
    void applyStagedGuides();
  }, [enabled, staged, mayApply]);
}
