/**
 * A staff screen's live stream as EventSource would keep it: it reconnects
 * after every failure and resumes with Last-Event-ID, so the test can check
 * that every call reaches staff exactly once across server restarts.
 */
import { HELP_CALL_STREAM_EVENT, HelpCallEvent } from '../../src/shared/api/help-calls.ts';

export class StaffStreamClient {
  /** Every `created` event received, by call id, counted. */
  readonly createdCounts = new Map<string, number>();
  readonly receivedAt = new Map<string, number>();
  reconnects = 0;
  #lastEventId: string | undefined;
  #stopped = false;
  #abort = new AbortController();
  #running: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  start(): void {
    this.#running = this.#loop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    await this.#running;
  }

  /** A call, not a field read: stop() changes it while the loop awaits. */
  #isStopped(): boolean {
    return this.#stopped;
  }

  async #loop(): Promise<void> {
    while (!this.#isStopped()) {
      try {
        await this.#readOnce();
      } catch {
        // connection refused or cut: reconnect, as EventSource does
      }
      if (this.#isStopped()) return;
      this.reconnects += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async #readOnce(): Promise<void> {
    this.#abort = new AbortController();
    const headers: Record<string, string> = { cookie: this.cookie, accept: 'text/event-stream' };
    if (this.#lastEventId !== undefined) headers['last-event-id'] = this.#lastEventId;
    const response = await fetch(this.url, { headers, signal: this.#abort.signal });
    if (!response.ok || !response.body) throw new Error(`Stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        this.#handle(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  #handle(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
    }
    const id = fields.get('id');
    if (id !== undefined) this.#lastEventId = id;
    if (fields.get('event') !== HELP_CALL_STREAM_EVENT) return;
    const event = HelpCallEvent.parse(JSON.parse(fields.get('data') ?? 'null'));
    if (event.type !== 'created') return;
    this.createdCounts.set(event.call.id, (this.createdCounts.get(event.call.id) ?? 0) + 1);
    if (!this.receivedAt.has(event.call.id)) this.receivedAt.set(event.call.id, performance.now());
  }
}
