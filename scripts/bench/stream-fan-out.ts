/**
 * Staff stream fan-out: how many staff screens can watch one branch's live
 * stream before a call shows late on some of them. N streams are open from
 * this process (node:http readers: cheaper per event than fetch's web
 * streams, so the reading side distorts less); calls are sent one at a time
 * and each stream's receipt is timed from the moment the server stored the
 * call (its `receivedAt`; same machine, same wall clock, to the millisecond).
 */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import {
  HELP_CALL_STREAM_EVENT,
  HelpCallEvent,
  helpCallUrl,
} from '../../src/shared/api/help-calls.ts';
import {
  startLotsenOnLoopback,
  type LotsenOnLoopback,
} from '../../tests/support/lotsen-on-loopback.ts';
import {
  cpuSeconds,
  helpCallBody,
  ownCpuSeconds,
  percentiles,
  residentMemoryMiB,
  sleep,
  waitFor,
  type Percentiles,
} from './bench-support.ts';

const STREAM_COUNTS = [100, 250, 500, 1_000, 2_000];
const CALLS_PER_STEP = 50;
const P99_LIMIT_MS = 100;
/** Streams opened at once: more would overflow the listen backlog and time the kernel's SYN retries. */
const OPEN_AT_ONCE = 50;

export interface FanOutStep {
  streams: number;
  calls: number;
  /** Server stored the call → a stream received it, over every stream and call; null if none arrived. */
  latencyMs: Percentiles | null;
  /** The PUT's own round trip, for comparison. */
  putMs: Percentiles | null;
  serverRssMiB: number;
  /** CPU seconds used while the calls of this step were sent: who was busy. */
  serverCpuSeconds: number;
  benchCpuSeconds: number;
  wallSeconds: number;
  failure: string | null;
}

export interface FanOutResult {
  streamCounts: number[];
  callsPerStep: number;
  p99LimitMs: number;
  reader: string;
  serverRssMiBBeforeStreams: number;
  steps: FanOutStep[];
  /** The most streams whose fan-out p99 stayed under the limit; 0 if none did. */
  largestStreamsUnderLimit: number;
}

/** What the readers saw of one call: when each stream got it (Date.now()), and when the server stored it. */
interface Sighting {
  callId: string;
  storedAt: number;
  arrivals: number[];
}

class FanOutReaders {
  readonly #requests: ClientRequest[] = [];
  /** By event id; the data is parsed once per event, not once per stream. */
  readonly sightings = new Map<string, Sighting>();
  readonly #eventIdOfCall = new Map<string, string>();
  closedEarly = 0;
  #stopping = false;

  constructor(private readonly lotsen: LotsenOnLoopback) {}

  get open(): number {
    return this.#requests.length - this.closedEarly;
  }

  sightingOf(callId: string): Sighting | undefined {
    const eventId = this.#eventIdOfCall.get(callId);
    return eventId === undefined ? undefined : this.sightings.get(eventId);
  }

  async openMore(count: number): Promise<void> {
    for (let opened = 0; opened < count; opened += OPEN_AT_ONCE) {
      const batch = Math.min(OPEN_AT_ONCE, count - opened);
      await Promise.all(Array.from({ length: batch }, () => this.#openOne()));
    }
  }

  #openOne(): Promise<void> {
    // No ?after=: a new stream starts at the newest event, without replaying earlier steps' calls.
    const url = `${this.lotsen.server.origin}/api/staff/branches/1/events`;
    return new Promise((resolve, reject) => {
      const stream = request(url, {
        agent: false,
        headers: { cookie: this.lotsen.staffCookie, accept: 'text/event-stream' },
      });
      this.#requests.push(stream);
      stream.on('error', (error) => {
        if (!this.#stopping) reject(error);
      });
      stream.on('response', (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`A stream answered ${response.statusCode}.`));
          return;
        }
        this.#read(response);
        resolve();
      });
      stream.end();
    });
  }

  #read(response: IncomingMessage): void {
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      const now = Date.now(); // before parsing: the time this stream's bytes were taken up
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        this.#handle(buffer.slice(0, end), now);
        buffer = buffer.slice(end + 2);
      }
    });
    response.on('close', () => {
      if (!this.#stopping) this.closedEarly += 1;
    });
  }

  #handle(block: string, now: number): void {
    if (!block.includes(`\nevent: ${HELP_CALL_STREAM_EVENT}\n`)) return; // retry:, heartbeats
    const eventId = /^id: (\d+)$/m.exec(block)?.[1];
    if (eventId === undefined) return;
    let sighting = this.sightings.get(eventId);
    if (!sighting) {
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      const { call } = HelpCallEvent.parse(JSON.parse(data));
      sighting = { callId: call.id, storedAt: Date.parse(call.receivedAt), arrivals: [] };
      this.sightings.set(eventId, sighting);
      this.#eventIdOfCall.set(call.id, eventId);
    }
    sighting.arrivals.push(now);
  }

  close(): void {
    this.#stopping = true;
    for (const stream of this.#requests) stream.destroy();
  }
}

async function putOneCall(
  lotsen: LotsenOnLoopback,
  index: number,
): Promise<{ id: string; ms: number }> {
  const tablet = lotsen.tablets[0];
  if (!tablet) throw new Error('No tablet.');
  const id = crypto.randomUUID();
  const started = performance.now();
  const response = await fetch(`${lotsen.server.origin}${helpCallUrl(id)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(helpCallBody(index)),
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`A call was answered ${response.status}.`);
  return { id, ms: performance.now() - started };
}

const withinLimit = (step: FanOutStep) =>
  step.failure === null && step.latencyMs !== null && step.latencyMs.p99 < P99_LIMIT_MS;

async function measureStep(
  lotsen: LotsenOnLoopback,
  readers: FanOutReaders,
  pid: number,
  streams: number,
): Promise<FanOutStep> {
  const latencies: number[] = [];
  const puts: number[] = [];
  let failure: string | null = null;
  const serverCpuBefore = cpuSeconds(pid);
  const benchCpuBefore = ownCpuSeconds();
  const started = performance.now();
  try {
    await readers.openMore(streams - readers.open);
    await sleep(500); // let the opening settle before timing
    for (let index = 0; index < CALLS_PER_STEP; index++) {
      const { id, ms } = await putOneCall(lotsen, index);
      puts.push(ms);
      await waitFor(
        `call ${index + 1} on all ${streams} streams`,
        () => (readers.sightingOf(id)?.arrivals.length ?? 0) >= streams,
        5_000,
        2,
      );
      const sighting = readers.sightingOf(id);
      if (sighting) latencies.push(...sighting.arrivals.map((at) => at - sighting.storedAt));
      await sleep(50); // one call at a time: the next starts on a quiet server
    }
    if (readers.closedEarly > 0) failure = `${readers.closedEarly} streams closed by the server.`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  return {
    streams,
    calls: puts.length,
    latencyMs: latencies.length > 0 ? percentiles(latencies) : null,
    putMs: puts.length > 0 ? percentiles(puts) : null,
    serverRssMiB: residentMemoryMiB(pid),
    serverCpuSeconds: Math.round((cpuSeconds(pid) - serverCpuBefore) * 100) / 100,
    benchCpuSeconds: Math.round((ownCpuSeconds() - benchCpuBefore) * 100) / 100,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    failure,
  };
}

export async function measureStreamFanOut(): Promise<FanOutResult> {
  const lotsen = await startLotsenOnLoopback({ tablets: 1 });
  const readers = new FanOutReaders(lotsen);
  try {
    const pid = lotsen.server.pid;
    if (pid === undefined) throw new Error('The server has no process id.');
    const serverRssMiBBeforeStreams = residentMemoryMiB(pid);
    const steps: FanOutStep[] = [];
    for (const streams of STREAM_COUNTS) {
      const step = await measureStep(lotsen, readers, pid, streams);
      steps.push(step);
      if (!withinLimit(step)) break;
    }
    const underLimit = steps.filter(withinLimit);
    return {
      streamCounts: STREAM_COUNTS,
      callsPerStep: CALLS_PER_STEP,
      p99LimitMs: P99_LIMIT_MS,
      reader: 'node:http readers, all in the benchmark process (one event loop)',
      serverRssMiBBeforeStreams,
      steps,
      largestStreamsUnderLimit: underLimit.at(-1)?.streams ?? 0,
    };
  } finally {
    readers.close();
    await lotsen.close();
  }
}
