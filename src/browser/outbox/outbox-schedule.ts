import type { KioskDatabase } from '../local-db/kiosk-db.ts';
import { Outbox, type FlushOptions, type OutboxOptions } from './outbox.ts';
import { pruneFinishedHelpCalls } from './outbox-records.ts';
import { onOutboxWake } from './outbox-signal.ts';

export interface OutboxSchedule {
  readonly outbox: Outbox;
  /** Try everything now, backoff or not (e.g. staff pressed "send now"). */
  flushNow(): Promise<void>;
  stop(): void;
}

/** When a flush itself failed (the database, not the network), look again this soon. */
const AFTER_FLUSH_ERROR_MS = 10_000;

/**
 * Runs the outbox in the browser: at start, whenever the network comes back
 * or the tablet wakes up, when a call is stored or cancelled, when something
 * else just reached the server, and at each call's own retry or status-check
 * time. Returns stop().
 */
export function startOutbox(
  options: OutboxOptions & { db: KioskDatabase; onError?: (error: unknown) => void },
): OutboxSchedule {
  const { onError = () => undefined } = options;
  const now = options.now ?? Date.now;
  const outbox = new Outbox(options);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = async (flush: FlushOptions) => {
    let nextWakeAt: number | null;
    try {
      ({ nextWakeAt } = await outbox.flush(flush));
    } catch (error) {
      onError(error);
      nextWakeAt = now() + AFTER_FLUSH_ERROR_MS;
    }
    if (stopped) return;
    clearTimeout(timer);
    if (nextWakeAt !== null) {
      timer = setTimeout(() => void run({}), Math.max(0, nextWakeAt - now()));
    }
  };

  const onOnline = () => void run({ ignoreBackoff: true });
  // A tablet waking from sleep has had its timers frozen: look at once.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void run({ ignoreBackoff: true });
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const stopListening = onOutboxWake((reason) => {
    void run({ ignoreBackoff: reason !== 'changed' });
  });

  void pruneFinishedHelpCalls(options.db, now())
    .catch(onError)
    .finally(() => run({ ignoreBackoff: true }));

  return {
    outbox,
    flushNow: () => run({ ignoreBackoff: true }),
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      stopListening();
    },
  };
}
