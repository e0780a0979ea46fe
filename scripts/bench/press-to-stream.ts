/**
 * Press → staff screen, with the network up: how long a visitor's press
 * takes to show on a staff member's live stream. Simulated kiosks run the
 * real outbox (the call is written to the tablet's IndexedDB first, then
 * sent), pressed at a steady pace rather than all at once, as in a busy
 * library. Both ends read performance.now() in this process.
 *
 * All kiosks share this one process and fake-indexeddb, where a real tablet
 * has its own CPU and a native IndexedDB; the time is therefore also split
 * into its parts, so the server's share can be read apart from the kiosks'.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../src/server/database/open-database.ts';
import { startLotsenOnLoopback } from '../../tests/support/lotsen-on-loopback.ts';
import { FAST_RETRIES, SimulatedKiosk } from '../../tests/support/simulated-kiosk.ts';
import { StaffStreamClient } from '../../tests/support/staff-stream-client.ts';
import { percentiles, sleep, visitorContext, waitFor, type Percentiles } from './bench-support.ts';

const CALLS = 1_000;
const CALLS_PER_SECOND = 70;

export interface PressToStreamResult {
  kiosks: number;
  calls: number;
  targetCallsPerSecond: number;
  achievedCallsPerSecond: number;
  retryPolicy: string;
  /** Press → the call's `created` event on the staff stream. */
  latencyMs: Percentiles;
  /** Its parts: press → written to the tablet's database … */
  savedOnTabletMs: Percentiles;
  /** … → stored by the server (its receivedAt, millisecond wall clock) … */
  savedToServerMs: Percentiles;
  /** … → on the staff stream. */
  serverToStreamMs: Percentiles;
  /** Median of the first and the last 100 calls: does the latency grow during the run? */
  firstHundredP50Ms: number;
  lastHundredP50Ms: number;
  /** Calls that showed on the stream more than once: must be 0. */
  repeatedOnStream: number;
}

interface PressedCall {
  kiosk: SimulatedKiosk;
  id: string;
  /** performance.now() when press() resolved: the call is safe on the tablet. */
  savedAt: number;
}

/** When the server stored each call, from its database, on this process's performance.now() clock. */
function serverReceivedAt(dataDir: string): Map<string, number> {
  const wallToPerformance = Date.now() - performance.now();
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const rows = db
    .prepare<[], { id: string; receivedAt: string }>(
      'SELECT id, received_at AS receivedAt FROM help_calls',
    )
    .all();
  db.close();
  return new Map(rows.map((row) => [row.id, Date.parse(row.receivedAt) - wallToPerformance]));
}

export async function measurePressToStream(kioskCount: number): Promise<PressToStreamResult> {
  const lotsen = await startLotsenOnLoopback({ tablets: kioskCount });
  const stream = new StaffStreamClient(lotsen.eventsUrl, lotsen.staffCookie);
  // FAST_RETRIES: with the network up no call is retried, and its 60 s status-check interval keeps
  // the default 4 s checks of 1,000 open calls from adding load that a library would not have.
  const kiosks = lotsen.tablets.map(
    (tablet, index) => new SimulatedKiosk(`press-${index}`, tablet, lotsen.server.origin),
  );
  try {
    stream.start();
    kiosks.forEach((kiosk) => {
      kiosk.start();
    });

    // One call per kiosk first, not counted: opens connections and warms up the JIT on both sides.
    const warmUp = await Promise.all(
      kiosks.map((kiosk, index) => kiosk.press(visitorContext(index))),
    );
    await waitFor(
      'the warm-up calls on the staff stream',
      () => warmUp.every((id) => stream.receivedAt.has(id)),
      30_000,
    );

    const intervalMs = 1_000 / CALLS_PER_SECOND;
    const started = performance.now();
    const presses: Promise<PressedCall>[] = [];
    for (let index = 0; index < CALLS; index++) {
      // Against the clock, not after the previous press: a slow press must not slow the pace.
      const wait = started + index * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const kiosk = kiosks[index % kiosks.length];
      if (!kiosk) throw new Error('No kiosk.');
      presses.push(
        kiosk
          .press(visitorContext(index))
          .then((id) => ({ kiosk, id, savedAt: performance.now() })),
      );
    }
    const pressingTook = performance.now() - started;
    const pressed = await Promise.all(presses);
    await waitFor(
      `all ${CALLS} calls on the staff stream`,
      () => pressed.every(({ id }) => stream.receivedAt.has(id)),
      60_000,
      50,
    );

    const storedAt = serverReceivedAt(lotsen.dataDir);
    const times = pressed.map(({ kiosk, id, savedAt }) => {
      const pressedAt = kiosk.pressedAt.get(id);
      const stored = storedAt.get(id);
      const shown = stream.receivedAt.get(id);
      if (pressedAt === undefined || stored === undefined || shown === undefined) {
        throw new Error(`No times for call ${id}.`);
      }
      return { pressedAt, savedAt, stored, shown };
    });
    times.sort((a, b) => a.pressedAt - b.pressedAt);
    const total = times.map((time) => time.shown - time.pressedAt);
    return {
      kiosks: kioskCount,
      calls: CALLS,
      targetCallsPerSecond: CALLS_PER_SECOND,
      achievedCallsPerSecond: Math.round((CALLS - 1) / (pressingTook / 1_000)),
      retryPolicy: `FAST_RETRIES (tests/support/simulated-kiosk.ts): ${JSON.stringify(FAST_RETRIES)}`,
      latencyMs: percentiles(total),
      savedOnTabletMs: percentiles(times.map((time) => time.savedAt - time.pressedAt)),
      savedToServerMs: percentiles(times.map((time) => time.stored - time.savedAt)),
      serverToStreamMs: percentiles(times.map((time) => time.shown - time.stored)),
      firstHundredP50Ms: percentiles(total.slice(0, 100)).p50,
      lastHundredP50Ms: percentiles(total.slice(-100)).p50,
      repeatedOnStream: [...stream.createdCounts.values()].filter((count) => count > 1).length,
    };
  } finally {
    await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
    await Promise.all(kiosks.map((kiosk) => kiosk.delete()));
    // The server first: stopping the stream client first leaves an unused connection that keeps the
    // server's graceful close waiting (see the report), and ServerProcess kills it only after 10 s.
    await lotsen.close();
    await stream.stop();
  }
}
