import type { SyncOutcome } from './content-sync.ts';

export interface ContentSyncSchedule {
  /** Ask for a sync now, e.g. when staff press "check for new guides". */
  syncNow(): Promise<SyncOutcome | null>;
  /** Syncs unless the last sync finished less than `maxAgeMs` ago (or one is under way). */
  syncIfOlderThan(maxAgeMs: number): Promise<SyncOutcome | null>;
  stop(): void;
}

/**
 * Keeps the tablet's content fresh: a sync at start, whenever the network
 * comes back, every few minutes with some jitter so a library's tablets do
 * not all ask the server at the same second, and whenever the app asks (the
 * kiosk is back on its start screen). Failures are quiet: the tablet keeps
 * what it has and tries again later.
 */
export function scheduleContentSync(options: {
  /** One sync: the content worker's in the app. */
  sync: () => Promise<SyncOutcome>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): ContentSyncSchedule {
  const { sync, intervalMs = 5 * 60_000, onError = () => undefined } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = 0;
  let lastFinishedAt = -Infinity;

  const syncNow = async () => {
    running += 1;
    try {
      return await sync();
    } catch (error) {
      onError(error);
      return null;
    } finally {
      running -= 1;
      lastFinishedAt = Date.now();
    }
  };
  const scheduleNext = () => {
    if (stopped) return;
    const jitter = 0.8 + Math.random() * 0.4;
    timer = setTimeout(() => {
      void syncNow().finally(scheduleNext);
    }, intervalMs * jitter);
  };
  const onOnline = () => void syncNow();

  window.addEventListener('online', onOnline);
  void syncNow().finally(scheduleNext);

  return {
    syncNow,
    syncIfOlderThan(maxAgeMs) {
      if (stopped || running > 0 || Date.now() - lastFinishedAt < maxAgeMs) {
        return Promise.resolve(null);
      }
      return syncNow();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    },
  };
}
