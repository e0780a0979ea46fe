/**
 * The outbox as the kiosk's screens use it: store a call, cancel it, hide it
 * from the panel. Writes go to the tablet's database first and then nudge
 * the running outbox (src/browser/outbox/outbox-schedule.ts), which does all
 * the sending. Nothing here needs the network or zod.
 */
import { kioskDb, type OutboxHelpCall } from '../local-db/kiosk-db.ts';
import {
  dismissFinishedHelpCalls,
  dismissHelpCall,
  requestHelpCallCancel,
  storeHelpCall,
  type HelpCallContext,
} from './outbox-records.ts';
import { wakeOutbox } from './outbox-signal.ts';

/** A random (version 4) UUID, also where crypto.randomUUID is missing (older tablets, plain http). */
export function newHelpCallId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Saves the visitor's call, then asks the outbox to send it. When this
 * resolves the call is on the tablet for good; if it rejects
 * (OutboxStorageError), the call was not saved and the visitor must be told.
 */
export async function callForHelp(context: HelpCallContext): Promise<OutboxHelpCall> {
  const call = await storeHelpCall(kioskDb, context, { id: newHelpCallId(), now: Date.now() });
  wakeOutbox('changed');
  return call;
}

export async function cancelHelpCall(id: string): Promise<void> {
  const outcome = await requestHelpCallCancel(kioskDb, id, Date.now());
  if (outcome === 'cancel-queued') wakeOutbox('changed');
}

/** Ask the outbox to try every waiting call now. */
export function flushOutbox(): void {
  wakeOutbox('reconnected');
}

/** The visitor closed the panel of a call that is over (done, refused). */
export async function closeHelpCallPanel(id: string): Promise<void> {
  await dismissHelpCall(kioskDb, id, Date.now());
}

/** The kiosk starts over: finished calls leave the panel; calls still on their way stay. */
export async function clearFinishedHelpCalls(): Promise<void> {
  await dismissFinishedHelpCalls(kioskDb, Date.now());
}
