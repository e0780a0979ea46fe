/**
 * The outbox's writes and reads of help calls, each in one transaction. No
 * network and no zod here: the kiosk's "Call a helper" button stores through
 * these without loading the sending code.
 */
import type { HelpCallStatus, HelpNeed } from '../../shared/api/help-calls.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import type { KioskDatabase, OutboxHelpCall, OutboxProblem } from '../local-db/kiosk-db.ts';

/** Where the visitor was when they pressed the button. Never anything they typed. */
export interface HelpCallContext {
  /** The guide on screen; null elsewhere. */
  guideId: string | null;
  /** 1-based, as the visitor sees it; null when not in a guide. */
  stepNumber: number | null;
  language: LanguageCode;
  needs: readonly HelpNeed[];
}

/** The call could not be written to the tablet (storage full or broken): it was NOT saved. */
export class OutboxStorageError extends Error {
  override name = 'OutboxStorageError';
}

/** Finished calls are kept this long (for the setup screen and for support), then removed. */
export const KEEP_FINISHED_CALLS_MS = 7 * 24 * 60 * 60_000;

const OPEN_STATUSES: readonly HelpCallStatus[] = ['waiting', 'acknowledged'];

export function isOpenStatus(status: HelpCallStatus | null): boolean {
  return status !== null && OPEN_STATUSES.includes(status);
}

/** What the outbox still has to do with a call; null when nothing. */
export type OutboxAction = 'send' | 'cancel' | 'cancel-locally' | 'check-status';

export function nextActionFor(call: OutboxHelpCall): OutboxAction | null {
  if (call.finishedAt !== null) return null;
  if (call.state === 'queued') {
    if (call.cancelRequestedAt === null) return 'send';
    return call.maybeOnServer ? 'cancel' : 'cancel-locally';
  }
  if (call.state === 'delivered') {
    if (call.cancelRequestedAt !== null) return 'cancel';
    return isOpenStatus(call.serverStatus) ? 'check-status' : null;
  }
  return null;
}

function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (candidate) => (candidate as { name?: unknown } | null)?.name,
  );
  return names.includes('QuotaExceededError');
}

/**
 * Saves a new call, to be sent by the outbox. When storage is full, finished
 * calls make room and the write is tried once more; if it still fails the
 * caller learns it was not saved (and must tell the visitor so).
 */
export async function storeHelpCall(
  db: KioskDatabase,
  context: HelpCallContext,
  { id, now }: { id: string; now: number },
): Promise<OutboxHelpCall> {
  const call: OutboxHelpCall = {
    id,
    request: {
      guideId: context.guideId,
      stepNumber: context.stepNumber,
      language: context.language,
      needs: [...new Set(context.needs)],
      pressedAt: new Date(now).toISOString(),
    },
    state: 'queued',
    createdAt: now,
    attempts: 0,
    failures: 0,
    nextAttemptAt: now,
    lastError: null,
    maybeOnServer: false,
    deliveredAt: null,
    serverStatus: null,
    cancelRequestedAt: null,
    finishedAt: null,
    dismissedAt: null,
  };
  const write = () => db.transaction('rw', db.helpCalls, () => db.helpCalls.add(call));
  try {
    await write();
  } catch (error) {
    if (!isQuotaError(error))
      throw new OutboxStorageError('The help call was not saved.', { cause: error });
    try {
      await pruneFinishedHelpCalls(db, now, 0);
      await write();
    } catch (retryError) {
      throw new OutboxStorageError('The tablet is full: the help call was not saved.', {
        cause: retryError,
      });
    }
  }
  return call;
}

/**
 * The visitor's Cancel. A call the server cannot have yet is cancelled here
 * and now, and never sent. One that may be on the server (delivered, or a
 * send whose answer never came) is marked, and the outbox tells the server.
 * This runs in one transaction with the check, so it cannot slip between the
 * outbox deciding to send and the send being written down.
 */
export function requestHelpCallCancel(
  db: KioskDatabase,
  id: string,
  now: number,
): Promise<'cancelled' | 'cancel-queued' | 'nothing-to-cancel'> {
  return db.transaction('rw', db.helpCalls, async () => {
    const call = await db.helpCalls.get(id);
    if (!call || call.cancelRequestedAt !== null || call.finishedAt !== null) {
      return 'nothing-to-cancel';
    }
    if (call.state === 'queued' && !call.maybeOnServer) {
      await db.helpCalls.update(id, {
        state: 'cancelled',
        cancelRequestedAt: now,
        finishedAt: now,
      });
      return 'cancelled';
    }
    if (
      call.state === 'queued' ||
      (call.state === 'delivered' && isOpenStatus(call.serverStatus))
    ) {
      await db.helpCalls.update(id, { cancelRequestedAt: now, nextAttemptAt: now, failures: 0 });
      return 'cancel-queued';
    }
    return 'nothing-to-cancel';
  });
}

/** The panel stops showing the call. The call itself stays, and is still sent if it is queued. */
export function dismissHelpCall(db: KioskDatabase, id: string, now: number): Promise<number> {
  return db.transaction('rw', db.helpCalls, () => db.helpCalls.update(id, { dismissedAt: now }));
}

/**
 * When the kiosk starts over for the next visitor: calls that are over leave
 * the panel. Calls still on their way (or with staff) stay: someone is coming.
 */
export function dismissFinishedHelpCalls(db: KioskDatabase, now: number): Promise<number> {
  return db.transaction('rw', db.helpCalls, () =>
    db.helpCalls
      .filter(
        (call) =>
          call.dismissedAt === null &&
          (call.finishedAt !== null || call.cancelRequestedAt !== null),
      )
      .modify({ dismissedAt: now }),
  );
}

/** Removes calls that are over and older than `keepMs`. Refused calls are kept: staff must see them. */
export function pruneFinishedHelpCalls(
  db: KioskDatabase,
  now: number,
  keepMs = KEEP_FINISHED_CALLS_MS,
): Promise<number> {
  return db.transaction('rw', db.helpCalls, () =>
    db.helpCalls
      .where('createdAt')
      .below(now - keepMs)
      .filter((call) => call.state !== 'refused' && call.finishedAt !== null)
      .delete(),
  );
}

/** The call the visitor panel is about: the newest one not dismissed; null when none. */
export async function readCurrentHelpCall(db: KioskDatabase): Promise<OutboxHelpCall | null> {
  const newest = await db.helpCalls.orderBy('createdAt').reverse().first();
  return newest && newest.dismissedAt === null ? newest : null;
}

/** For the setup screen: calls not yet with the server, and calls the server refused. */
export async function countOutbox(
  db: KioskDatabase,
): Promise<{ waitingToSend: number; refused: number }> {
  const [queued, refused] = await Promise.all([
    db.helpCalls
      .where('state')
      .equals('queued')
      .filter((call) => call.finishedAt === null)
      .count(),
    db.helpCalls.where('state').equals('refused').count(),
  ]);
  return { waitingToSend: queued, refused };
}

/** Calls the outbox may have work for, oldest first. */
export async function readActiveHelpCalls(db: KioskDatabase): Promise<OutboxHelpCall[]> {
  const calls = await db.helpCalls.where('state').anyOf('queued', 'delivered').toArray();
  return calls
    .filter((call) => nextActionFor(call) !== null)
    .sort((a, b) => a.createdAt - b.createdAt);
}

// The outbox's own transitions. Only the outbox calls these, holding its lock.

/**
 * Writes down that a send starts, before it starts: if the tablet dies with
 * the request in the air, the call is known to be maybe on the server.
 * Returns null when the call must not be sent (cancelled meanwhile).
 */
export function beginSend(
  db: KioskDatabase,
  id: string,
): Promise<{ call: OutboxHelpCall; maybeOnServerBefore: boolean } | null> {
  return db.transaction('rw', db.helpCalls, async () => {
    const call = await db.helpCalls.get(id);
    if (!call || nextActionFor(call) !== 'send') return null;
    const started = { ...call, attempts: call.attempts + 1, maybeOnServer: true };
    await db.helpCalls.put(started);
    return { call: started, maybeOnServerBefore: call.maybeOnServer };
  });
}

/** The server has the call (or answered about it): store what staff did. */
export function recordServerAnswer(
  db: KioskDatabase,
  id: string,
  { status, now, nextAttemptAt }: { status: HelpCallStatus; now: number; nextAttemptAt: number },
): Promise<void> {
  return db.transaction('rw', db.helpCalls, async () => {
    const call = await db.helpCalls.get(id);
    if (!call) return;
    const over = !isOpenStatus(status);
    // A cancel the visitor asked for during the send is still to be sent: go now, not after a poll.
    const cancelPending = call.cancelRequestedAt !== null && !over;
    await db.helpCalls.update(id, {
      state: 'delivered',
      maybeOnServer: true,
      deliveredAt: call.deliveredAt ?? now,
      serverStatus: status,
      failures: 0,
      lastError: null,
      nextAttemptAt: cancelPending ? now : nextAttemptAt,
      finishedAt: over ? (call.finishedAt ?? now) : null,
    });
  });
}

/** A request about the call failed; try again at `nextAttemptAt`. */
export function recordFailure(
  db: KioskDatabase,
  id: string,
  {
    problem,
    nextAttemptAt,
    maybeOnServer,
  }: { problem: OutboxProblem; nextAttemptAt: number; maybeOnServer?: boolean },
): Promise<void> {
  return db.transaction('rw', db.helpCalls, async () => {
    const call = await db.helpCalls.get(id);
    if (!call) return;
    await db.helpCalls.update(id, {
      failures: call.failures + 1,
      lastError: problem,
      nextAttemptAt,
      ...(maybeOnServer === undefined ? {} : { maybeOnServer }),
    });
  });
}

/** The server will never take this call: keep it, visibly, and stop. */
export function recordRefused(
  db: KioskDatabase,
  id: string,
  { problem, maybeOnServer }: { problem: OutboxProblem; maybeOnServer: boolean },
): Promise<number> {
  return db.transaction('rw', db.helpCalls, () =>
    db.helpCalls.update(id, {
      state: 'refused',
      lastError: problem,
      maybeOnServer,
      finishedAt: problem.at,
    }),
  );
}

/** A call that never reached the server is cancelled on the tablet only. */
export function recordCancelledLocally(db: KioskDatabase, id: string, now: number) {
  return db.transaction('rw', db.helpCalls, () =>
    db.helpCalls.update(id, { state: 'cancelled', finishedAt: now }),
  );
}

/** The outbox gives up on a call it can do nothing more about (e.g. a cancel the server refused). */
export function recordGivenUp(
  db: KioskDatabase,
  id: string,
  { problem }: { problem: OutboxProblem },
): Promise<number> {
  return db.transaction('rw', db.helpCalls, () =>
    db.helpCalls.update(id, { lastError: problem, finishedAt: problem.at }),
  );
}
