import { HELP_CALL_HEARTBEAT_EVENT } from '../../src/shared/api/help-calls.ts';

/**
 * Reads a Server-Sent Events response the way EventSource would, one
 * message at a time, so tests can check exactly what a staff screen gets.
 */
export interface StreamMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  /** Lines starting with ":" (the server sends none: heartbeats are named events). */
  comments: string[];
}

function parseMessage(block: string): StreamMessage {
  const message: StreamMessage = { comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      message.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' || field === 'event' || field === 'data' || field === 'retry') {
      message[field] = value;
    }
  }
  return message;
}

export class EventStreamReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  readonly #abort: AbortController;
  #buffer = '';
  /** A read that outlived a timeout: kept, so its chunk is not lost. */
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  constructor(
    readonly response: Response,
    abort: AbortController,
  ) {
    if (!response.body) throw new Error('The stream has no body.');
    this.#reader = response.body.getReader();
    this.#abort = abort;
  }

  /** The next message, or an error if none comes within `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<StreamMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        return parseMessage(block);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No message within ${timeoutMs} ms.`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`No message within ${timeoutMs} ms.`));
        }, remaining);
      });
      try {
        this.#pending ??= this.#reader.read();
        const chunk = await Promise.race([this.#pending, timeout]);
        this.#pending = undefined;
        if (chunk.done) throw new Error('The stream ended.');
        this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** The next message that is an event (skipping `retry:` and heartbeats). */
  async nextEvent(timeoutMs = 3000): Promise<StreamMessage> {
    for (;;) {
      const message = await this.next(timeoutMs);
      if (message.event !== undefined && message.event !== HELP_CALL_HEARTBEAT_EVENT) {
        return message;
      }
    }
  }

  /** Whether the server ends the stream within `timeoutMs`. */
  async ends(timeoutMs = 3000): Promise<boolean> {
    try {
      for (;;) await this.next(timeoutMs);
    } catch (error) {
      return error instanceof Error && error.message === 'The stream ended.';
    }
  }

  close(): void {
    this.#abort.abort();
  }
}

export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  return new EventStreamReader(response, abort);
}
