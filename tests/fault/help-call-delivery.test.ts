/**
 * The promise of "Call a helper", under faults: many tablets (the real
 * outbox code) send 1,000 calls through a network that drops connections
 * and resets some after the server committed but before it answered, and
 * the server is killed (SIGKILL) and started again mid-run. Afterwards no
 * call is lost, none is stored twice, and the staff stream showed each
 * call exactly once.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HELP_NEEDS } from '../../src/shared/api/help-calls.ts';
import { DATABASE_FILE_NAME } from '../../src/server/database/open-database.ts';
import { FaultProxy } from '../support/fault-proxy.ts';
import { startLotsenOnLoopback, type LotsenOnLoopback } from '../support/lotsen-on-loopback.ts';
import { SimulatedKiosk } from '../support/simulated-kiosk.ts';
import { StaffStreamClient } from '../support/staff-stream-client.ts';

const KIOSKS = 20;
const CALLS_PER_KIOSK = 50;
const CALLS = KIOSKS * CALLS_PER_KIOSK;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await sleep(100);
  }
}

let lotsen: LotsenOnLoopback | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await lotsen?.close();
}, 60_000);

it(`delivers ${CALLS} calls exactly once through dropped connections, lost answers and a server crash`, async () => {
  lotsen = await startLotsenOnLoopback({ tablets: KIOSKS });
  const proxy = new FaultProxy(lotsen.server.port, {
    dropBeforeRequest: 0.1,
    resetAfterCommit: 0.15,
  });
  const proxyPort = await proxy.listen();
  cleanups.push(() => proxy.close());
  const stream = new StaffStreamClient(lotsen.eventsUrl, lotsen.staffCookie);
  stream.start();
  cleanups.push(() => stream.stop());

  const kiosks = lotsen.tablets.map(
    (tablet, index) =>
      new SimulatedKiosk(`kiosk-${index}`, tablet, `http://127.0.0.1:${proxyPort}`),
  );
  cleanups.push(async () => {
    await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
    await Promise.all(kiosks.map((kiosk) => kiosk.delete()));
  });
  kiosks.forEach((kiosk) => {
    kiosk.start();
  });

  const pressed: string[] = [];
  let restarts = 0;
  let reloads = 0;
  const visitors = kiosks.map(async (kiosk, index) => {
    for (let call = 0; call < CALLS_PER_KIOSK; call++) {
      pressed.push(
        await kiosk.press({
          guideId: 'install-mobilt-bankid',
          stepNumber: (call % 8) + 1,
          language: index % 2 === 0 ? 'ar' : 'sv',
          needs: call % 3 === 0 ? [HELP_NEEDS[call % HELP_NEEDS.length] ?? 'trouble-seeing'] : [],
        }),
      );
      if (call === CALLS_PER_KIOSK / 2 && index % 4 === 0) {
        kiosk.reload(); // the page is reloaded with calls still in the outbox
        reloads += 1;
      }
      await sleep(Math.random() * 30);
    }
  });
  const crash = (async () => {
    await waitFor('a third of the calls pressed', () => pressed.length >= CALLS / 3, 60_000);
    await lotsen.server.kill();
    await sleep(1_000); // tablets keep pressing and retrying against a dead server
    await lotsen.server.start();
    restarts += 1;
  })();
  await Promise.all([...visitors, crash]);

  const undelivered = async () =>
    (await Promise.all(kiosks.map((kiosk) => kiosk.undelivered()))).reduce((a, b) => a + b, 0);
  await waitFor('every outbox empty', async () => (await undelivered()) === 0, 120_000);
  await waitFor(
    'the staff stream to show every call',
    () => stream.createdCounts.size >= CALLS,
    30_000,
  );
  await sleep(500); // a late duplicate on the stream would show up here

  const db = new Database(join(lotsen.dataDir, DATABASE_FILE_NAME), { readonly: true });
  const storedIds = db
    .prepare<[], { id: string }>('SELECT id FROM help_calls')
    .all()
    .map((row) => row.id);
  const createdEvents = db
    .prepare<[], { callId: string; events: number }>(
      `SELECT call_id AS callId, COUNT(*) AS events FROM help_call_events
          WHERE type = 'created' GROUP BY call_id`,
    )
    .all();
  db.close();

  const pressedSet = new Set(pressed);
  const stored = new Set(storedIds);
  const counts = {
    pressed: pressed.length,
    stored: stored.size,
    lost: pressed.filter((id) => !stored.has(id)).length,
    duplicated:
      storedIds.length -
      stored.size +
      storedIds.filter((id) => !pressedSet.has(id)).length +
      createdEvents.filter((row) => row.events !== 1).length,
    onStaffStreamOnce: [...stream.createdCounts.values()].filter((count) => count === 1).length,
    missingFromStream: pressed.filter((id) => !stream.createdCounts.has(id)).length,
    repeatedOnStream: [...stream.createdCounts.values()].filter((count) => count > 1).length,
    serverRestarts: restarts,
    tabletReloads: reloads,
    streamReconnects: stream.reconnects,
    ...proxy.counts,
  };
  console.log('Help call fault test:', JSON.stringify(counts, null, 2));

  expect(counts.pressed).toBe(CALLS);
  expect(counts.lost).toBe(0);
  expect(counts.duplicated).toBe(0);
  expect(counts.stored).toBe(CALLS);
  expect(counts.onStaffStreamOnce).toBe(CALLS);
  expect(counts.missingFromStream).toBe(0);
  expect(counts.repeatedOnStream).toBe(0);
  // The faults really happened.
  expect(counts.droppedBeforeRequest).toBeGreaterThan(0);
  expect(counts.resetAfterCommit).toBeGreaterThan(0);
  expect(counts.serverRestarts).toBe(1);
}, 240_000);
