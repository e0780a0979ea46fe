/**
 * How the rest of the page nudges the running outbox without loading it:
 * the kiosk after storing a call, the pairing after a new token, anything
 * that just heard from the server. If no outbox runs yet, nothing is lost:
 * it looks at every stored call when it starts.
 */

/**
 * - changed: a call was stored or cancelled: act on what is due;
 * - reconnected: the server just answered someone: retry now, without waiting out the backoff;
 * - paired: the tablet has a (new) token: calls paused for pairing go now.
 */
export type OutboxWakeReason = 'changed' | 'reconnected' | 'paired';

type Listener = (reason: OutboxWakeReason) => void;

const listeners = new Set<Listener>();

export function wakeOutbox(reason: OutboxWakeReason): void {
  for (const listener of listeners) listener(reason);
}

export function onOutboxWake(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
