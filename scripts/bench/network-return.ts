/**
 * The library's Wi-Fi comes back: how long until the calls a tablet stored
 * while it was down reach the staff screen. The tablet's outbox talks to the
 * server through a proxy that cuts every request (the network is down); the
 * visitor presses several times; then the proxy lets everything through.
 * One tablet gets what the browser does on its `online` event (a flush that
 * ignores the backoff), a second one in the same outage only its own backoff
 * timers, to show what the trigger is worth. The outbox's real retry policy
 * is used: with the tests' fast retries the difference would not show.
 */
import { RETRY_POLICY } from '../../src/browser/outbox/retry-policy.ts';
import { FaultProxy } from '../../tests/support/fault-proxy.ts';
import {
  startLotsenOnLoopback,
  type LotsenOnLoopback,
  type PairedTestTablet,
} from '../../tests/support/lotsen-on-loopback.ts';
import { SimulatedKiosk } from '../../tests/support/simulated-kiosk.ts';
import { StaffStreamClient } from '../../tests/support/staff-stream-client.ts';
import { percentiles, sleep, visitorContext, waitFor, type Percentiles } from './bench-support.ts';

const ROUNDS = 3;
const CALLS_PER_OUTAGE = 20;
const PRESS_EVERY_MS = 250;
/** From the first press to the network's return: long enough for backoffs of several seconds. */
const OUTAGE_MS = 15_000;
/** The backoff never waits longer than maxDelayMs (30 s), so this is plenty. */
const DELIVERY_TIMEOUT_MS = RETRY_POLICY.maxDelayMs + 15_000;

export interface NetworkReturnResult {
  rounds: number;
  callsPerOutage: number;
  pressEveryMs: number;
  outageMs: number;
  retryPolicy: string;
  /** Network back → on the staff stream, with the `online` trigger. */
  withOnlineTriggerMs: Percentiles;
  /** The same, with only the backoff timers. */
  backoffTimerOnlyMs: Percentiles;
  /** Requests the down network cut, over all rounds and both tablets. */
  requestsCutWhileDown: number;
}

interface OutageTablet {
  kiosk: SimulatedKiosk;
  proxy: FaultProxy;
  ids: string[];
}

async function tabletBehindDownNetwork(
  lotsen: LotsenOnLoopback,
  tablet: PairedTestTablet,
  name: string,
): Promise<OutageTablet> {
  const proxy = new FaultProxy(lotsen.server.port, { dropBeforeRequest: 1, resetAfterCommit: 0 });
  const port = await proxy.listen();
  const kiosk = new SimulatedKiosk(name, tablet, `http://127.0.0.1:${port}`, RETRY_POLICY);
  kiosk.start();
  return { kiosk, proxy, ids: [] };
}

async function oneOutage(
  lotsen: LotsenOnLoopback,
  stream: StaffStreamClient,
  round: number,
): Promise<{ withTrigger: number[]; timerOnly: number[]; cut: number }> {
  const [triggerTablet, timerTablet] = lotsen.tablets;
  if (!triggerTablet || !timerTablet) throw new Error('Two tablets are needed.');
  const triggered = await tabletBehindDownNetwork(lotsen, triggerTablet, `online-${round}`);
  const timerOnly = await tabletBehindDownNetwork(lotsen, timerTablet, `timer-${round}`);
  const both = [triggered, timerOnly];
  try {
    const down = performance.now();
    for (let index = 0; index < CALLS_PER_OUTAGE; index++) {
      for (const tablet of both) tablet.ids.push(await tablet.kiosk.press(visitorContext(index)));
      await sleep(PRESS_EVERY_MS);
    }
    await sleep(down + OUTAGE_MS - performance.now());
    const leaked = both.flatMap((tablet) => tablet.ids).filter((id) => stream.receivedAt.has(id));
    if (leaked.length > 0) throw new Error(`${leaked.length} calls got through a down network.`);

    const back = performance.now();
    for (const tablet of both) tablet.proxy.rates = { dropBeforeRequest: 0, resetAfterCommit: 0 };
    // What the browser's `online` listener does (src/browser/outbox/outbox-schedule.ts).
    const flushing = triggered.kiosk.outbox.flush({ ignoreBackoff: true });
    await waitFor(
      'every call stored during the outage on the staff stream',
      () => both.every((tablet) => tablet.ids.every((id) => stream.receivedAt.has(id))),
      DELIVERY_TIMEOUT_MS,
    );
    await flushing;
    const since = (ids: string[]) => ids.map((id) => (stream.receivedAt.get(id) ?? NaN) - back);
    return {
      withTrigger: since(triggered.ids),
      timerOnly: since(timerOnly.ids),
      cut: both.reduce((sum, tablet) => sum + tablet.proxy.counts.droppedBeforeRequest, 0),
    };
  } finally {
    for (const tablet of both) {
      await tablet.kiosk.stop();
      await tablet.kiosk.delete();
      await tablet.proxy.close();
    }
  }
}

export async function measureNetworkReturn(): Promise<NetworkReturnResult> {
  const lotsen = await startLotsenOnLoopback({ tablets: 2 });
  const stream = new StaffStreamClient(lotsen.eventsUrl, lotsen.staffCookie);
  try {
    stream.start();
    const withTrigger: number[] = [];
    const timerOnly: number[] = [];
    let cut = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const outage = await oneOutage(lotsen, stream, round);
      withTrigger.push(...outage.withTrigger);
      timerOnly.push(...outage.timerOnly);
      cut += outage.cut;
    }
    return {
      rounds: ROUNDS,
      callsPerOutage: CALLS_PER_OUTAGE,
      pressEveryMs: PRESS_EVERY_MS,
      outageMs: OUTAGE_MS,
      retryPolicy: `RETRY_POLICY (src/browser/outbox/retry-policy.ts): ${JSON.stringify(RETRY_POLICY)}`,
      withOnlineTriggerMs: percentiles(withTrigger),
      backoffTimerOnlyMs: percentiles(timerOnly),
      requestsCutWhileDown: cut,
    };
  } finally {
    await lotsen.close(); // before the stream client: see press-to-stream.ts
    await stream.stop();
  }
}
