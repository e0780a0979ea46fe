/**
 * A library tablet in a Node process: its own IndexedDB (fake-indexeddb),
 * the REAL outbox code, and a loop that does what the browser scheduler
 * does: flush when something is due. `reload()` throws the outbox away and
 * starts a new one on the same database, as a reloaded page would.
 */
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { Outbox } from '../../src/browser/outbox/outbox.ts';
import type { RetryPolicy } from '../../src/browser/outbox/retry-policy.ts';
import type { HelpCallContext } from '../../src/browser/outbox/outbox-records.ts';
import type { PairedTestTablet } from './lotsen-on-loopback.ts';

/** Short waits, so a test of a thousand calls finishes in a minute, not an afternoon. */
export const FAST_RETRIES: Partial<RetryPolicy> = {
  baseDelayMs: 50,
  maxDelayMs: 1_000,
  minDelayMs: 10,
  requestTimeoutMs: 5_000,
  pollIntervalMs: 60_000,
};

export class SimulatedKiosk {
  readonly db: KioskDatabase;
  outbox!: Outbox;
  /** When each call was pressed (performance.now()), by call id. */
  readonly pressedAt = new Map<string, number>();
  #wake: (() => void) | undefined;
  #running = false;
  #loop: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly tablet: PairedTestTablet,
    private readonly baseUrl: string,
    private readonly policy: Partial<RetryPolicy> = FAST_RETRIES,
  ) {
    this.db = new KioskDatabase(`simulated-${name}-${crypto.randomUUID()}`);
    this.reload();
  }

  /** A new outbox on the same database: whatever was stored before must still go out. */
  reload(): void {
    this.outbox = new Outbox({
      db: this.db,
      baseUrl: this.baseUrl,
      getDeviceToken: () => this.tablet.token,
      policy: this.policy,
    });
    this.#wake?.();
  }

  async press(context: HelpCallContext): Promise<string> {
    const pressed = performance.now();
    const call = await this.outbox.callForHelp(context);
    this.pressedAt.set(call.id, pressed);
    this.#wake?.();
    return call.id;
  }

  /** Flushes whenever something is due, like the browser's outbox schedule. */
  start(): void {
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        const { nextWakeAt } = await this.outbox.flush();
        if (!this.#isRunning()) return; // stop() may have been called during the flush
        const wait = nextWakeAt === null ? 1_000 : Math.max(0, nextWakeAt - Date.now());
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  #isRunning(): boolean {
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
  }

  /** Calls still waiting to be sent. */
  async undelivered(): Promise<number> {
    return this.db.helpCalls.where('state').equals('queued').count();
  }

  async delete(): Promise<void> {
    await this.db.delete();
  }
}
