import type { KioskDevicePairing } from '../../browser/device/kiosk-device-records.ts';
import type { OutboxHelpCall } from '../../browser/local-db/kiosk-db.ts';

/** Not with staff after this long: also tell the visitor where to ask in person. */
export const SUGGEST_INFO_DESK_AFTER_MS = 2 * 60_000;
/** How long "Done" stays on screen before the panel goes away. */
export const SHOW_DONE_FOR_MS = 15_000;
/** How long "Cancelled" stays on screen, so the visitor sees the button worked. */
export const SHOW_CANCELLED_FOR_MS = 8_000;
/**
 * A call keeps the kiosk from starting over for at most this long: long
 * enough for any helper to come, short enough that a call staff forgot to
 * mark done does not keep one visitor's guide on screen all day.
 */
export const HOLD_START_OVER_AT_MOST_MS = 30 * 60_000;

/**
 * What the visitor is told:
 * - sending: on its way to staff right now;
 * - saved: on the tablet, to be sent when the network is back;
 * - told / coming / done: staff have it / a helper is on the way / over;
 * - cancelled: the visitor cancelled it;
 * - cannot-send: the tablet needs pairing again, so it cannot reach staff;
 * - refused: the server will not take it.
 */
export type HelpCallStage =
  'sending' | 'saved' | 'told' | 'coming' | 'done' | 'cancelled' | 'cannot-send' | 'refused';

export interface HelpCallView {
  callId: string;
  stage: HelpCallStage;
  /** Also say where to ask in person. */
  suggestInfoDesk: boolean;
  canCancel: boolean;
  /** The call is over but stays until the visitor closes it (refused). */
  canClose: boolean;
  /** Someone is waiting for staff here: the kiosk must not start over. */
  holdsStartOver: boolean;
  /** When the view next changes by time alone; null when never. */
  changesAt: number | null;
}

function earliest(...times: (number | null)[]): number | null {
  const future = times.filter((time): time is number => time !== null);
  return future.length === 0 ? null : Math.min(...future);
}

/** The panel's content for the current call, at `now`; null when the panel shows nothing. */
export function helpCallView(
  call: OutboxHelpCall | null | undefined,
  { now, online, pairing }: { now: number; online: boolean; pairing: KioskDevicePairing },
): HelpCallView | null {
  if (!call) return null;
  const base = { callId: call.id, suggestInfoDesk: false, canCancel: false, canClose: false };
  const shownUntil = (since: number, forMs: number) => (now < since + forMs ? since + forMs : null);

  const cancelledAt =
    call.cancelRequestedAt ?? (call.serverStatus === 'cancelled' ? call.finishedAt : null);
  if (cancelledAt !== null) {
    const until = shownUntil(cancelledAt, SHOW_CANCELLED_FOR_MS);
    return until === null
      ? null
      : { ...base, stage: 'cancelled', holdsStartOver: false, changesAt: until };
  }
  if (call.state === 'refused') {
    return {
      ...base,
      stage: 'refused',
      suggestInfoDesk: true,
      canClose: true,
      holdsStartOver: false,
      changesAt: null,
    };
  }

  const holdUntil = call.createdAt + HOLD_START_OVER_AT_MOST_MS;
  const holding = now < holdUntil;
  if (call.state === 'delivered') {
    if (call.serverStatus === 'done') {
      const until = shownUntil(call.finishedAt ?? now, SHOW_DONE_FOR_MS);
      return until === null
        ? null
        : { ...base, stage: 'done', holdsStartOver: false, changesAt: until };
    }
    return {
      ...base,
      stage: call.serverStatus === 'acknowledged' ? 'coming' : 'told',
      canCancel: true,
      holdsStartOver: holding,
      changesAt: holding ? holdUntil : null,
    };
  }

  // Queued: saved on the tablet, not with staff yet.
  if (pairing !== 'paired' || call.lastError?.kind === 'device') {
    return {
      ...base,
      stage: 'cannot-send',
      suggestInfoDesk: true,
      canCancel: true,
      holdsStartOver: false,
      changesAt: null,
    };
  }
  const suggestFrom = call.createdAt + SUGGEST_INFO_DESK_AFTER_MS;
  return {
    ...base,
    stage: call.lastError === null && online ? 'sending' : 'saved',
    suggestInfoDesk: now >= suggestFrom,
    canCancel: true,
    holdsStartOver: holding,
    changesAt: earliest(now < suggestFrom ? suggestFrom : null, holding ? holdUntil : null),
  };
}
