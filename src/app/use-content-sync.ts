import { useEffect } from 'react';
import type { ContentSyncSchedule } from '../browser/content-sync/content-sync-schedule.ts';
import { kioskDb } from '../browser/local-db/kiosk-db.ts';

/** When the sync code could not be loaded (first visit, network gone), try again this often. */
const RETRY_LOAD_MS = 60_000;

/**
 * Keeps the tablet's guides fresh for as long as the app is open. The sync
 * code (and the zod schemas it checks responses with) is loaded after the
 * first render, so it is not part of the start screen's first download.
 */
export function useContentSync(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let schedule: ContentSyncSchedule | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retry = () => {
      window.removeEventListener('online', retry);
      clearTimeout(retryTimer);
      if (!stopped) start();
    };
    const start = () => {
      import('../browser/content-sync/content-sync-schedule.ts').then(
        ({ scheduleContentSync }) => {
          if (stopped) return;
          schedule = scheduleContentSync({
            db: kioskDb,
            onError: (error) => {
              console.warn('Content sync failed; the tablet keeps its guides.', error);
            },
          });
        },
        (error: unknown) => {
          // Only before the service worker has cached the app: wait for the network.
          console.warn('Could not load the content sync; trying again later.', error);
          window.addEventListener('online', retry);
          retryTimer = setTimeout(retry, RETRY_LOAD_MS);
        },
      );
    };

    start();
    return () => {
      stopped = true;
      window.removeEventListener('online', retry);
      clearTimeout(retryTimer);
      schedule?.stop();
    };
  }, [enabled]);
}
