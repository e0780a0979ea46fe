import type { ContentSyncOptions, SyncOutcome } from './content-sync.ts';
import { syncContent } from './content-sync.ts';

export interface ContentSyncSchedule {
  /** Ask for a sync now, e.g. when staff press "check for new guides". */
  syncNow(): Promise<SyncOutcome | null>;
  stop(): void;
}

/**
 * Keeps the tablet's content fresh: a sync at start, whenever the network
 * comes back, and every few minutes with some jitter so a library's tablets
 * do not all ask the server at the same second. Failures are quiet: the
 * tablet keeps what it has and tries again later.
 */
export function scheduleContentSync(
  options: ContentSyncOptions & { intervalMs?: number; onError?: (error: unknown) => void },
): ContentSyncSchedule {
  const { intervalMs = 5 * 60_000, onError = () => undefined } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const syncNow = async () => {
    try {
      return await syncContent(options);
    } catch (error) {
      onError(error);
      return null;
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
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    },
  };
}
