/**
 * Tells open staff streams about new help call events, inside this process.
 * Events are published only after their transaction committed, and each is
 * turned into its Server-Sent Events frame once, however many staff screens
 * are listening.
 */
import {
  HELP_CALL_STREAM_EVENT,
  type HelpCallEvent,
  type HelpCallEventType,
  type StaffHelpCall,
} from '../../shared/api/help-calls.ts';

export interface HelpCallFrame {
  /** The event id, for skipping what a stream already sent. */
  id: number;
  /** The whole SSE message, ready to write. */
  text: string;
}

type Listener = (frame: HelpCallFrame) => void;

export function helpCallFrame(id: number, type: HelpCallEventType, call: StaffHelpCall) {
  const data: HelpCallEvent = { type, call };
  // JSON.stringify never writes a raw line break, so the data fits on one `data:` line.
  return {
    id,
    text: `id: ${id}\nevent: ${HELP_CALL_STREAM_EVENT}\ndata: ${JSON.stringify(data)}\n\n`,
  };
}

export class HelpCallBus {
  readonly #listeners = new Map<number, Set<Listener>>();

  /** Listens to one branch's events; returns the function that stops listening. */
  subscribe(branchId: number, listener: Listener): () => void {
    let listeners = this.#listeners.get(branchId);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(branchId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      // Only drop the set if it is still the branch's (an unsubscribe may come twice).
      if (listeners.size === 0 && this.#listeners.get(branchId) === listeners) {
        this.#listeners.delete(branchId);
      }
    };
  }

  publish(eventId: number, type: HelpCallEventType, call: StaffHelpCall): void {
    const listeners = this.#listeners.get(call.branchId);
    if (!listeners) return;
    const frame = helpCallFrame(eventId, type, call);
    for (const listener of [...listeners]) listener(frame);
  }

  listenerCount(branchId: number): number {
    return this.#listeners.get(branchId)?.size ?? 0;
  }
}
