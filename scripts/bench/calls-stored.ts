/**
 * How many help calls per second the server stores: many tablets' PUTs at
 * once, straight with fetch (no outbox, no IndexedDB: the server alone is
 * measured). A staff screen has the branch's stream open, as in a library,
 * so each call is also published to it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../src/server/database/open-database.ts';
import { helpCallUrl } from '../../src/shared/api/help-calls.ts';
import {
  startLotsenOnLoopback,
  type LotsenOnLoopback,
} from '../../tests/support/lotsen-on-loopback.ts';
import { StaffStreamClient } from '../../tests/support/staff-stream-client.ts';
import { helpCallBody, percentiles, waitFor, type Percentiles } from './bench-support.ts';

const TABLETS = 50;
const CONCURRENCY = 32;
const CALLS = 5_000;
const WARM_UP_CALLS = 200;

export interface CallsStoredResult {
  tablets: number;
  concurrency: number;
  calls: number;
  warmUpCalls: number;
  callsPerSecond: number;
  requestLatencyMs: Percentiles;
  /** Answers other than 201 Created, by status (0: no answer). */
  errors: Record<string, number>;
  storedInDatabase: number;
  onStaffStream: number;
}

/** Sends `count` calls, `CONCURRENCY` at a time; returns each request's milliseconds. */
async function sendCalls(
  lotsen: LotsenOnLoopback,
  count: number,
  ids: string[],
  errors: Record<string, number>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const sender = async () => {
    while (next < count) {
      const index = next++;
      const tablet = lotsen.tablets[index % lotsen.tablets.length];
      if (!tablet) throw new Error('No tablet.');
      const id = crypto.randomUUID();
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${lotsen.server.origin}${helpCallUrl(id)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(helpCallBody(index)),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // no answer: counted below as status 0
      }
      latencies.push(performance.now() - started);
      if (status === 201) ids.push(id);
      else errors[status] = (errors[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  return latencies;
}

export async function measureCallsStored(): Promise<CallsStoredResult> {
  const lotsen = await startLotsenOnLoopback({ tablets: TABLETS });
  const stream = new StaffStreamClient(lotsen.eventsUrl, lotsen.staffCookie);
  try {
    stream.start();
    const warmUpIds: string[] = [];
    await sendCalls(lotsen, WARM_UP_CALLS, warmUpIds, {});

    const ids: string[] = [];
    const errors: Record<string, number> = {};
    const started = performance.now();
    const latencies = await sendCalls(lotsen, CALLS, ids, errors);
    const seconds = (performance.now() - started) / 1_000;
    await waitFor(
      'the stored calls on the staff stream',
      () => ids.every((id) => stream.receivedAt.has(id)),
      30_000,
      100,
    ).catch(() => undefined); // a shortfall is reported, not fatal

    const db = new Database(join(lotsen.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const stored = db
      .prepare<[], { calls: number }>('SELECT COUNT(*) AS calls FROM help_calls')
      .get();
    db.close();
    return {
      tablets: TABLETS,
      concurrency: CONCURRENCY,
      calls: CALLS,
      warmUpCalls: WARM_UP_CALLS,
      callsPerSecond: Math.round(ids.length / seconds),
      requestLatencyMs: percentiles(latencies),
      errors,
      storedInDatabase: (stored?.calls ?? 0) - warmUpIds.length,
      onStaffStream: ids.filter((id) => stream.receivedAt.has(id)).length,
    };
  } finally {
    await lotsen.close(); // before the stream client: see press-to-stream.ts
    await stream.stop();
  }
}
