import { kioskDb } from '../browser/local-db/kiosk-db.ts';
import { useLazyProcess } from './use-lazy-process.ts';

const loadContentSync = () => import('../browser/content-sync/content-sync-schedule.ts');

const startContentSync = ({ scheduleContentSync }: Awaited<ReturnType<typeof loadContentSync>>) => {
  const schedule = scheduleContentSync({
    db: kioskDb,
    onError: (error) => {
      console.warn('Content sync failed; the tablet keeps its guides.', error);
    },
  });
  return () => {
    schedule.stop();
  };
};

/** Keeps the tablet's guides fresh for as long as the app is open. */
export function useContentSync(enabled: boolean): void {
  useLazyProcess('content sync', loadContentSync, startContentSync, enabled);
}
