import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { Outbox, type OutboxOptions } from '../../src/browser/outbox/outbox.ts';
import { countOutbox, type HelpCallContext } from '../../src/browser/outbox/outbox-records.ts';
import {
  backoffDelay,
  parseRetryAfter,
  RETRY_POLICY,
  retryDelay,
  verdictFor,
} from '../../src/browser/outbox/retry-policy.ts';
import { FakeLotsenServer, TOKEN } from './fake-lotsen-server.ts';

const IN_A_GUIDE: HelpCallContext = {
  guideId: 'install-mobilt-bankid',
  stepNumber: 2,
  language: 'ar',
  needs: ['speaks-my-language', 'trouble-seeing'],
};

let db: KioskDatabase;
let server: FakeLotsenServer;
/** The outbox's clock, moved by hand. */
let clock: number;
let token: string | null;
let online: boolean;

function newOutbox(options: Partial<OutboxOptions> = {}): Outbox {
  return new Outbox({
    db,
    fetch: server.fetch,
    getDeviceToken: () => token,
    now: () => clock,
    // Mid-range jitter, so delays are exact numbers in the tests.
    random: () => 0.5,
    isOnline: () => online,
    ...options,
  });
}

beforeEach(async () => {
  db = new KioskDatabase(`outbox-test-${crypto.randomUUID()}`);
  await db.open();
  server = new FakeLotsenServer();
  clock = Date.parse('2026-03-02T10:00:00Z');
  token = TOKEN;
  online = true;
});

afterEach(async () => {
  server.releaseHungRequests();
  await db.delete();
});

/** A call made with the network down: saved, not sent (the flush it starts finds no network). */
async function saveOffline(outbox: Outbox, context = IN_A_GUIDE) {
  online = false;
  const call = await outbox.callForHelp(context);
  await outbox.flush();
  online = true;
  return call;
}

async function only<T>(items: T[]): Promise<T> {
  expect(items).toHaveLength(1);
  return Promise.resolve(items[0] as T);
}

describe('the outbox', () => {
  it('stores the call before sending, so a request that never answers leaves it saved', async () => {
    server.faults = ['hang'];
    const onDiskWhenSent: unknown[] = [];
    const outbox = newOutbox({
      policy: { requestTimeoutMs: 50 },
      fetch: async (input, init) => {
        // Write-ahead: the call, and this very attempt, are on the tablet before the request leaves.
        onDiskWhenSent.push(...(await db.helpCalls.toArray()));
        return server.fetch(input, init);
      },
    });

    const call = await outbox.callForHelp(IN_A_GUIDE);

    // Saved the moment callForHelp resolves, though the server has not answered.
    expect(await db.helpCalls.get(call.id)).toMatchObject({
      state: 'queued',
      request: {
        guideId: 'install-mobilt-bankid',
        stepNumber: 2,
        language: 'ar',
        needs: ['speaks-my-language', 'trouble-seeing'],
        pressedAt: '2026-03-02T10:00:00.000Z',
      },
    });
    // The request times out: still saved, known to be maybe on the server, waiting to retry.
    await outbox.flush();
    expect(onDiskWhenSent).toEqual([
      expect.objectContaining({ id: call.id, attempts: 1, maybeOnServer: true }),
    ]);
    expect(await db.helpCalls.get(call.id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      maybeOnServer: true,
      lastError: { kind: 'network', status: null },
    });
  });

  it('sends a call once however many flushes and outboxes run at the same time', async () => {
    const first = newOutbox();
    const second = newOutbox(); // e.g. a second tab on the same tablet
    const call = await saveOffline(first);

    await Promise.all([
      first.flush(),
      second.flush(),
      first.flush({ ignoreBackoff: true }),
      second.flush({ ignoreBackoff: true }),
      first.flush(),
    ]);

    const put = await only(server.requestsTo('PUT'));
    expect(put.path).toBe(`/api/help-calls/${call.id}`);
    expect(put.token).toBe(TOKEN);
    expect(await db.helpCalls.get(call.id)).toMatchObject({
      state: 'delivered',
      serverStatus: 'waiting',
      attempts: 1,
    });
  });

  it('retries network errors, 5xx, 408 and 429 with backoff, sending the same call every time', async () => {
    server.faults = [
      'network-error',
      { status: 503 },
      { status: 408 },
      { status: 429, headers: { 'Retry-After': '10' } },
    ];
    const outbox = newOutbox();
    const { id } = await saveOffline(outbox);

    // Waits with random() = 0.5: 625 ms, 1 125 ms, 2 125 ms, then Retry-After's 10 s over 4 125 ms.
    const expectedWaits = [625, 1_125, 2_125, 10_000];
    const expectedKinds = ['network', 'server', 'server', 'rate-limited'];
    for (const [attempt, wait] of expectedWaits.entries()) {
      await outbox.flush();
      const stored = await db.helpCalls.get(id);
      expect(stored).toMatchObject({
        state: 'queued',
        attempts: attempt + 1,
        failures: attempt + 1,
        nextAttemptAt: clock + wait,
        lastError: { kind: expectedKinds[attempt] },
      });
      // Nothing goes before the wait is over.
      clock += wait - 1;
      await outbox.flush();
      expect(await db.helpCalls.get(id)).toMatchObject({ attempts: attempt + 1 });
      clock += 1;
    }
    await outbox.flush();

    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'delivered',
      attempts: 5,
      failures: 0,
      lastError: null,
    });
    // The network error never reached the server; the four that did were the same call.
    const puts = server.requestsTo('PUT');
    expect(puts.map((put) => put.path)).toEqual(Array(4).fill(`/api/help-calls/${id}`));
    expect(new Set(puts.map((put) => JSON.stringify(put.body))).size).toBe(1);
    expect(server.calls.size).toBe(1);
  });

  it('honours Retry-After even when the network comes back', async () => {
    server.faults = [{ status: 429, headers: { 'Retry-After': '20' } }];
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();
    expect(await db.helpCalls.get(id)).toMatchObject({ nextAttemptAt: clock + 20_000 });

    clock += 5_000;
    await outbox.flush({ ignoreBackoff: true }); // e.g. the `online` event
    expect(server.requestsTo('PUT')).toHaveLength(1);

    clock += 15_000;
    await outbox.flush();
    expect(server.requestsTo('PUT')).toHaveLength(2);
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'delivered' });
  });

  it('delivers a call saved offline as soon as the network returns, without waiting out the backoff', async () => {
    server.networkDown = true;
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();
    for (let failure = 0; failure < 6; failure += 1) {
      clock = (await db.helpCalls.get(id))?.nextAttemptAt ?? clock;
      await outbox.flush();
    }
    const waiting = await db.helpCalls.get(id);
    expect(waiting).toMatchObject({ state: 'queued', failures: 7 });
    expect((waiting?.nextAttemptAt ?? 0) - clock).toBeGreaterThan(10_000);

    server.networkDown = false;
    await outbox.flush({ ignoreBackoff: true });

    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'delivered',
      serverStatus: 'waiting',
    });
    expect(server.calls.get(id)?.call).toMatchObject({
      guideId: 'install-mobilt-bankid',
      stepNumber: 2,
      language: 'ar',
    });
  });

  it('retries the rest at once when one request shows the server is back', async () => {
    server.networkDown = true;
    const outbox = newOutbox();
    const older = await outbox.callForHelp(IN_A_GUIDE);
    clock += 1;
    const newer = await outbox.callForHelp({ ...IN_A_GUIDE, needs: [] });
    await outbox.flush();
    // The newer call's backoff ends later than the older one's.
    await db.helpCalls.update(newer.id, { nextAttemptAt: clock + 25_000 });
    server.networkDown = false;
    clock = (await db.helpCalls.get(older.id))?.nextAttemptAt ?? clock;

    await outbox.flush();

    expect((await db.helpCalls.get(older.id))?.state).toBe('delivered');
    expect((await db.helpCalls.get(newer.id))?.state).toBe('delivered');
  });

  it('also retries calls listed before the one that showed the server is back', async () => {
    server.networkDown = true;
    const outbox = newOutbox();
    const older = await outbox.callForHelp(IN_A_GUIDE);
    clock += 1;
    const newer = await outbox.callForHelp({ ...IN_A_GUIDE, needs: [] });
    await outbox.flush();
    // This time the OLDER call waits longer: it is looked at first, while the server still seems down.
    await db.helpCalls.update(older.id, { nextAttemptAt: clock + 25_000 });
    server.networkDown = false;
    clock = (await db.helpCalls.get(newer.id))?.nextAttemptAt ?? clock;

    await outbox.flush();

    expect((await db.helpCalls.get(newer.id))?.state).toBe('delivered');
    expect((await db.helpCalls.get(older.id))?.state).toBe('delivered');
  });

  it('keeps a call the server refuses (4xx), with its words, and stops sending it', async () => {
    server.faults = [
      { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Bad help call.' } },
    ];
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();

    clock += 60 * 60_000;
    await outbox.flush({ ignoreBackoff: true });

    expect(server.requestsTo('PUT')).toHaveLength(1);
    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'refused',
      lastError: { kind: 'refused', status: 400, message: 'Bad help call.' },
    });
    expect(await countOutbox(db)).toEqual({ waitingToSend: 0, refused: 1 });
  });

  it('pauses on a revoked device and goes on once the tablet is paired again', async () => {
    server.tokens.set(TOKEN, 'device-revoked');
    const onDeviceProblem = vi.fn();
    const outbox = newOutbox({ onDeviceProblem });
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();

    expect(onDeviceProblem).toHaveBeenCalledWith({ code: 'device-revoked', token: TOKEN });
    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'queued',
      lastError: { kind: 'device', status: 401 },
    });
    clock += 10 * 60_000;
    await outbox.flush({ ignoreBackoff: true });
    expect(server.requestsTo('PUT')).toHaveLength(1); // not retried with the refused token

    const newToken = 'b'.repeat(43);
    server.tokens.set(newToken, 'ok');
    token = newToken;
    await outbox.flush();

    expect(server.requestsTo('PUT').map((put) => put.token)).toEqual([TOKEN, newToken]);
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'delivered' });
  });

  it('never sends a call cancelled before it could be sent', async () => {
    const outbox = newOutbox();
    const { id } = await saveOffline(outbox);

    expect(await outbox.cancelHelpCall(id)).toBe('cancelled');
    await outbox.flush({ ignoreBackoff: true });
    clock += 60 * 60_000;
    await outbox.flush();

    expect(server.received).toEqual([]);
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'cancelled', attempts: 0 });
  });

  it('sends a cancel that arrives during the send to the server right after it', async () => {
    const outbox = newOutbox();
    const { id } = await saveOffline(outbox);
    let answerPut: () => void = () => undefined;
    const serverFetch = server.fetch;
    const putAnswered = new Promise<void>((resolve) => {
      answerPut = resolve;
    });
    const flushing = newOutbox({
      fetch: async (input, init) => {
        if (init?.method === 'PUT') await putAnswered;
        return serverFetch(input, init);
      },
    }).flush();
    await vi.waitFor(async () => {
      expect((await db.helpCalls.get(id))?.attempts).toBe(1);
    });

    expect(await outbox.cancelHelpCall(id)).toBe('cancel-queued');
    answerPut();
    await flushing;

    expect(server.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /api/help-calls/${id}`,
      `POST /api/help-calls/${id}/cancel`,
    ]);
    expect(server.calls.get(id)?.call.status).toBe('cancelled');
    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'delivered',
      serverStatus: 'cancelled',
    });
  });

  it('asks the server to cancel a call whose answer was lost, since the server may have it', async () => {
    server.faults = ['lost-answer'];
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'queued', maybeOnServer: true });

    expect(await outbox.cancelHelpCall(id)).toBe('cancel-queued');
    await outbox.flush();

    expect(server.requestsTo('POST').map((request) => request.path)).toEqual([
      `/api/help-calls/${id}/cancel`,
    ]);
    expect(server.calls.get(id)?.call.status).toBe('cancelled');
    expect(server.requestsTo('PUT')).toHaveLength(1);
  });

  it('cancels on the tablet when the server says it never had the call', async () => {
    server.faults = ['hang'];
    const outbox = newOutbox({ policy: { requestTimeoutMs: 20 } });
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();

    await outbox.cancelHelpCall(id);
    await outbox.flush();
    clock += 60 * 60_000;
    await outbox.flush({ ignoreBackoff: true });

    expect(server.received.map((request) => request.method)).toEqual(['POST']);
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'cancelled' });
    expect(server.calls.size).toBe(0);
  });

  it('posts the cancel of a delivered call, retrying until the server has it', async () => {
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();
    server.faults = ['network-error'];

    expect(await outbox.cancelHelpCall(id)).toBe('cancel-queued');
    await outbox.flush();
    expect(server.calls.get(id)?.call.status).toBe('waiting');

    clock = (await db.helpCalls.get(id))?.nextAttemptAt ?? clock;
    await outbox.flush();
    clock += 60_000;
    await outbox.flush();

    expect(server.calls.get(id)?.call.status).toBe('cancelled');
    expect(server.requestsTo('POST')).toHaveLength(1);
    expect(server.requestsTo('GET')).toEqual([]); // a cancelled call is not checked on
    expect(await db.helpCalls.get(id)).toMatchObject({
      serverStatus: 'cancelled',
      finishedAt: clock - 60_000,
    });
  });

  it('checks an open call every ~4 seconds until staff are done', async () => {
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();
    const reads = () => server.requestsTo('GET').length;

    clock += 3_000;
    await outbox.flush();
    expect(reads()).toBe(0);

    clock += 1_500;
    await outbox.flush();
    expect(reads()).toBe(1);
    expect((await db.helpCalls.get(id))?.serverStatus).toBe('waiting');

    server.acknowledge(id);
    clock += 4_500;
    await outbox.flush();
    expect((await db.helpCalls.get(id))?.serverStatus).toBe('acknowledged');

    server.markDone(id);
    clock += 4_500;
    await outbox.flush();
    expect(await db.helpCalls.get(id)).toMatchObject({ serverStatus: 'done', finishedAt: clock });

    clock += 60_000;
    await outbox.flush({ ignoreBackoff: true });
    expect(reads()).toBe(3);
    expect((await outbox.flush()).nextWakeAt).toBeNull();
  });

  it('does not count a 200 that is not the call (a captive portal) as delivered', async () => {
    server.faults = [{ status: 200, body: { welcome: 'Log in to the library Wi-Fi' } }];
    const outbox = newOutbox();
    const { id } = await outbox.callForHelp(IN_A_GUIDE);
    await outbox.flush();

    expect(await db.helpCalls.get(id)).toMatchObject({
      state: 'queued',
      lastError: { kind: 'unexpected-answer' },
    });
    clock += 60_000;
    await outbox.flush();
    expect(await db.helpCalls.get(id)).toMatchObject({ state: 'delivered' });
  });

  it('sends a call saved before a reload from the reopened database', async () => {
    const { id } = await saveOffline(newOutbox());
    db.close();
    db = new KioskDatabase(db.name);

    await newOutbox().flush({ ignoreBackoff: true });

    expect(server.calls.has(id)).toBe(true);
    expect((await db.helpCalls.get(id))?.state).toBe('delivered');
  });

  it('keeps simulated kiosks apart: one database, one sender, one lock each', async () => {
    const kiosks = await Promise.all(
      Array.from({ length: 20 }, async (_unused, index) => {
        const kioskDb = new KioskDatabase(`outbox-test-kiosk-${index}-${crypto.randomUUID()}`);
        const outbox = new Outbox({
          db: kioskDb,
          fetch: server.fetch,
          getDeviceToken: () => TOKEN,
        });
        const call = await outbox.callForHelp(IN_A_GUIDE);
        return { kioskDb, outbox, call };
      }),
    );
    await Promise.all(kiosks.map(({ outbox }) => outbox.flush()));

    expect(server.calls.size).toBe(20);
    expect(server.requestsTo('PUT')).toHaveLength(20);
    await Promise.all(kiosks.map(({ kioskDb }) => kioskDb.delete()));
  });
});

describe('the retry policy', () => {
  it('doubles the ceiling from 1 s up to 30 s and never waits less than 250 ms', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000];
    for (const [index, ceiling] of ceilings.entries()) {
      const failures = index + 1;
      expect(backoffDelay(failures, () => 0)).toBe(250);
      expect(backoffDelay(failures, () => 0.999_999)).toBe(ceiling);
    }
    expect(backoffDelay(1_000, () => 0.999_999)).toBe(RETRY_POLICY.maxDelayMs);
  });

  it('spreads retries over the whole range (full jitter)', () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const delays = Array.from({ length: 2_000 }, () => backoffDelay(6, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...delays)).toBeLessThanOrEqual(30_000);
    // Spread out, not bunched: some in the lowest tenth, some in the highest.
    expect(delays.some((delay) => delay < 3_225)).toBe(true);
    expect(delays.some((delay) => delay > 27_025)).toBe(true);
  });

  it('waits at least as long as Retry-After says, but believes at most 5 minutes', () => {
    expect(retryDelay(1, 10_000, () => 0.5)).toBe(10_000);
    expect(retryDelay(6, 1_000, () => 0.5)).toBe(backoffDelay(6, () => 0.5));
    expect(retryDelay(1, 24 * 60 * 60_000, () => 0.5)).toBe(5 * 60_000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('sorts answers into delivered, retry, wait for pairing and refused', () => {
    expect(verdictFor(201, null)).toBe('accepted');
    expect(verdictFor(200, null)).toBe('accepted');
    for (const status of [408, 429, 500, 502, 503]) expect(verdictFor(status, null)).toBe('retry');
    expect(verdictFor(401, 'device-revoked')).toBe('device');
    expect(verdictFor(401, 'device-not-paired')).toBe('device');
    expect(verdictFor(401, null)).toBe('retry'); // a proxy's 401 says nothing about the tablet
    for (const status of [400, 403, 404, 409, 413, 422]) {
      expect(verdictFor(status, null)).toBe('refused');
    }
  });
});
