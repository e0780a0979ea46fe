/**
 * Storing a help call from a tablet, idempotently: the tablet names the call
 * with a UUID and may send it again after a network failure. The same call
 * again changes nothing; a different call under a used id is refused.
 */
import { createHash } from 'node:crypto';
import type { HelpCallRequest, StaffHelpCall } from '../../shared/api/help-calls.ts';
import type { Database } from '../database/open-database.ts';
import type { PairedDevice } from '../devices/require-device.ts';
import { ApiError } from '../http/problems.ts';
import type { HelpCallBus } from './help-call-bus.ts';
import { findHelpCall, recordHelpCallEvent } from './help-call-records.ts';

/** A tablet clock this far ahead is wrong, not early. */
const MAX_CLOCK_AHEAD_MS = 2 * 60 * 1000;
/** An outbox may hold a call while offline, but not for more than a day. */
const MAX_CALL_AGE_MS = 24 * 60 * 60 * 1000;

/** The request in one fixed form: key order, needs sorted, time in UTC. */
function canonicalRequest(request: HelpCallRequest): HelpCallRequest {
  return {
    guideId: request.guideId,
    stepNumber: request.stepNumber,
    language: request.language,
    needs: [...request.needs].sort(),
    pressedAt: new Date(request.pressedAt).toISOString(),
  };
}

function requestHash(request: HelpCallRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Wait times count from the press when the tablet's clock is believable, else from arrival. */
export function waitingSince(pressedAt: string, receivedAt: Date): string {
  const pressed = new Date(pressedAt).getTime();
  const received = receivedAt.getTime();
  const plausible =
    pressed <= received + MAX_CLOCK_AHEAD_MS && pressed >= received - MAX_CALL_AGE_MS;
  return new Date(plausible ? pressed : received).toISOString();
}

export interface ReceivedHelpCall {
  /** False when this was the same call sent again. */
  created: boolean;
  call: StaffHelpCall;
}

export function receiveHelpCall(
  db: Database,
  bus: HelpCallBus,
  {
    id,
    device,
    request,
    now = new Date(),
  }: {
    id: string;
    device: PairedDevice;
    request: HelpCallRequest;
    now?: Date;
  },
): ReceivedHelpCall {
  const canonical = canonicalRequest(request);
  const hash = requestHash(canonical);
  const received = db
    .transaction((): ReceivedHelpCall & { eventId?: number } => {
      const existing = findHelpCall(db, id);
      if (existing) {
        if (existing.call.deviceId !== device.id) {
          throw new ApiError(
            422,
            'Another tablet already sent a help call with this id. Send the call with a new id.',
          );
        }
        if (existing.requestHash !== hash) {
          throw new ApiError(
            422,
            'A different help call was already sent with this id. A call cannot be changed: ' +
              'send a new call with a new id.',
          );
        }
        return { created: false, call: existing.call };
      }
      // Where the tablet is and which branch it serves come from its record, never the request.
      db.prepare(
        `INSERT INTO help_calls (id, device_id, branch_id, location, device_name, guide_id,
           step_number, language, needs, status, pressed_at, received_at, waiting_since, request_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
      ).run(
        id,
        device.id,
        device.branchId,
        device.location,
        device.name,
        canonical.guideId,
        canonical.stepNumber,
        canonical.language,
        JSON.stringify(canonical.needs),
        canonical.pressedAt,
        now.toISOString(),
        waitingSince(canonical.pressedAt, now),
        hash,
      );
      const eventId = recordHelpCallEvent(db, { id, branchId: device.branchId }, 'created', now);
      const stored = findHelpCall(db, id);
      if (!stored) throw new Error(`Help call ${id} vanished right after it was stored.`);
      return { created: true, call: stored.call, eventId };
    })
    .immediate();
  // After the commit: a stream never shows a call that could still be rolled back.
  if (received.eventId !== undefined) bus.publish(received.eventId, 'created', received.call);
  return { created: received.created, call: received.call };
}
