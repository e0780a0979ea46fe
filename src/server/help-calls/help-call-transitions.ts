/**
 * A help call's life: waiting -> acknowledged ("I'm coming") -> done, or
 * cancelled by the tablet while still open. Every change writes an event in
 * the same transaction, and staff streams hear of it after the commit.
 */
import type { HelpCallEventType, StaffHelpCall } from '../../shared/api/help-calls.ts';
import type { StaffUser } from '../../shared/api/accounts.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError } from '../http/problems.ts';
import type { HelpCallBus } from './help-call-bus.ts';
import { findHelpCall, recordHelpCallEvent } from './help-call-records.ts';

interface Change {
  call: StaffHelpCall;
  /** Absent when nothing changed (the same request again). */
  event?: { id: number; type: HelpCallEventType };
}

type Decide = (call: StaffHelpCall) => 'change' | 'unchanged';

function changeHelpCall(
  db: Database,
  bus: HelpCallBus,
  callId: string,
  type: Exclude<HelpCallEventType, 'created'>,
  { decide, update, now }: { decide: Decide; update: () => void; now: Date },
): StaffHelpCall {
  const change = db
    .transaction((): Change => {
      const stored = findHelpCall(db, callId);
      if (!stored) throw new ApiError(404, `There is no help call with id ${callId}.`);
      if (decide(stored.call) === 'unchanged') return { call: stored.call };
      update();
      const eventId = recordHelpCallEvent(db, stored.call, type, now);
      const changed = findHelpCall(db, callId);
      if (!changed) throw new Error(`Help call ${callId} vanished while it was changed.`);
      return { call: changed.call, event: { id: eventId, type } };
    })
    .immediate();
  if (change.event) bus.publish(change.event.id, change.event.type, change.call);
  return change.call;
}

const cancelledByVisitor = 'The visitor cancelled this call: nobody needs to go.';

export function acknowledgeHelpCall(
  db: Database,
  bus: HelpCallBus,
  { callId, staff, now = new Date() }: { callId: string; staff: StaffUser; now?: Date },
): StaffHelpCall {
  return changeHelpCall(db, bus, callId, 'acknowledged', {
    now,
    decide: (call) => {
      if (call.status === 'waiting') return 'change';
      // A double click is not a conflict; a colleague who got there first is.
      if (call.status === 'acknowledged' && call.acknowledgedBy?.id === staff.id)
        return 'unchanged';
      if (call.status === 'acknowledged') {
        const who = call.acknowledgedBy?.email ?? 'Someone else';
        throw new ApiError(409, `${who} is already on the way to this call.`);
      }
      if (call.status === 'done') throw new ApiError(409, 'This call is already done.');
      throw new ApiError(409, cancelledByVisitor);
    },
    update: () =>
      db
        .prepare(
          `UPDATE help_calls SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?
            WHERE id = ?`,
        )
        .run(now.toISOString(), staff.id, callId),
  });
}

/** Done may come straight from waiting: staff who simply walked over need not acknowledge first. */
export function markHelpCallDone(
  db: Database,
  bus: HelpCallBus,
  { callId, now = new Date() }: { callId: string; now?: Date },
): StaffHelpCall {
  return changeHelpCall(db, bus, callId, 'done', {
    now,
    decide: (call) => {
      if (call.status === 'waiting' || call.status === 'acknowledged') return 'change';
      if (call.status === 'done') return 'unchanged';
      throw new ApiError(409, `${cancelledByVisitor} It cannot be marked done.`);
    },
    update: () =>
      db
        .prepare("UPDATE help_calls SET status = 'done', done_at = ? WHERE id = ?")
        .run(now.toISOString(), callId),
  });
}

/**
 * The tablet withdraws its call. Cancelling a call that is already over
 * changes nothing and is no error: the visitor's wish is met either way.
 */
export function cancelHelpCall(
  db: Database,
  bus: HelpCallBus,
  { callId, deviceId, now = new Date() }: { callId: string; deviceId: number; now?: Date },
): StaffHelpCall {
  return changeHelpCall(db, bus, callId, 'cancelled', {
    now,
    decide: (call) => {
      // Another tablet's call is none of this tablet's business: the same 404 as no call at all.
      if (call.deviceId !== deviceId) {
        throw new ApiError(404, `There is no help call with id ${callId}.`);
      }
      return call.status === 'waiting' || call.status === 'acknowledged' ? 'change' : 'unchanged';
    },
    update: () =>
      db
        .prepare("UPDATE help_calls SET status = 'cancelled', cancelled_at = ? WHERE id = ?")
        .run(now.toISOString(), callId),
  });
}
