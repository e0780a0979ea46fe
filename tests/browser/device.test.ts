import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncContent } from '../../src/browser/content-sync/content-sync.ts';
import { pairDevice, refreshDevice } from '../../src/browser/device/device-enrollment.ts';
import {
  pairingOf,
  readKioskDevice,
  savePairing,
  usableDeviceToken,
} from '../../src/browser/device/kiosk-device-records.ts';
import { pairingCodeInUrl, urlWithout } from '../../src/browser/device/pairing-link.ts';
import { sha256Hex, verifySetupPin } from '../../src/browser/device/setup-pin.ts';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { storeHelpCall } from '../../src/browser/outbox/outbox-records.ts';
import { onOutboxWake, type OutboxWakeReason } from '../../src/browser/outbox/outbox-signal.ts';
import { DEVICE, FakeLotsenServer, LIBRARY, TOKEN } from './fake-lotsen-server.ts';

let db: KioskDatabase;
let server: FakeLotsenServer;
let wakes: OutboxWakeReason[];
let stopListening: () => void;

beforeEach(async () => {
  db = new KioskDatabase(`device-test-${crypto.randomUUID()}`);
  await db.open();
  server = new FakeLotsenServer();
  wakes = [];
  stopListening = onOutboxWake((reason) => wakes.push(reason));
});

afterEach(async () => {
  stopListening();
  await db.delete();
});

const api = () => ({ db, fetch: server.fetch, now: () => 1_000 });

describe('pairing', () => {
  it('trades the code for a token, stores the tablet and its branch, and wakes the outbox', async () => {
    server.pairingCodes.set('042917', TOKEN);

    const outcome = await pairDevice('042917', api());

    expect(outcome).toEqual({ status: 'paired', device: DEVICE });
    expect(server.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/devices/pair',
      'GET /api/devices/me',
    ]);
    expect(await readKioskDevice(db)).toMatchObject({
      deviceToken: TOKEN,
      device: DEVICE,
      library: LIBRARY,
      problem: null,
      setupPin: null,
    });
    expect(await usableDeviceToken(db)).toBe(TOKEN);
    expect(wakes).toContain('paired');
  });

  it('stores nothing for a wrong code, and asks nothing for a malformed one', async () => {
    expect(await pairDevice('111111', api())).toMatchObject({
      status: 'failed',
      reason: 'wrong-code',
    });
    expect(await pairDevice('12 34', api())).toMatchObject({
      status: 'failed',
      reason: 'invalid-code',
    });
    server.networkDown = true;
    expect(await pairDevice('123456', api())).toMatchObject({
      status: 'failed',
      reason: 'network',
    });

    expect(server.received).toHaveLength(1);
    expect(await readKioskDevice(db)).toBeUndefined();
  });

  it('pairing again replaces the token and lifts a revocation', async () => {
    await savePairing(
      db,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
      1,
    );
    server.tokens.set(TOKEN, 'device-revoked');
    await refreshDevice(api());
    expect(pairingOf(await readKioskDevice(db))).toBe('needs-setup');

    const newToken = 'n'.repeat(43);
    server.pairingCodes.set('555000', newToken);
    await pairDevice('555000', api());

    expect(await readKioskDevice(db)).toMatchObject({ deviceToken: newToken, problem: null });
  });
});

describe('the start-up check', () => {
  it('updates name, place and branch settings from the server', async () => {
    await savePairing(db, { deviceToken: TOKEN, device: DEVICE, library: null, setupPin: null }, 1);
    server.device = { ...DEVICE, name: 'Surfplatta 2', location: 'Plan 2, vid skrivarna' };

    expect(await refreshDevice(api())).toMatchObject({ status: 'paired' });

    expect(await readKioskDevice(db)).toMatchObject({
      device: { name: 'Surfplatta 2', location: 'Plan 2, vid skrivarna' },
      library: LIBRARY,
      refreshedAt: 1_000,
    });
    expect(wakes).toContain('reconnected');
  });

  it('marks a revoked tablet as needing setup, keeping its token and its unsent calls', async () => {
    await savePairing(
      db,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
      1,
    );
    const call = await storeHelpCall(
      db,
      { guideId: null, stepNumber: null, language: 'sv', needs: [] },
      { id: crypto.randomUUID(), now: 1 },
    );
    server.tokens.set(TOKEN, 'device-revoked');

    expect(await refreshDevice(api())).toEqual({ status: 'needs-setup', code: 'device-revoked' });

    expect(await readKioskDevice(db)).toMatchObject({
      deviceToken: TOKEN,
      problem: 'device-revoked',
    });
    expect(await usableDeviceToken(db)).toBeNull();
    expect(await db.helpCalls.get(call.id)).toMatchObject({ state: 'queued' });
  });

  it('changes nothing when the server cannot be reached', async () => {
    await savePairing(
      db,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
      1,
    );
    server.networkDown = true;

    expect(await refreshDevice(api())).toMatchObject({ status: 'unreachable' });
    expect(pairingOf(await readKioskDevice(db))).toBe('paired');
  });

  it('says an unpaired tablet is unpaired, without asking the server', async () => {
    expect(await refreshDevice(api())).toEqual({ status: 'unpaired' });
    expect(server.received).toEqual([]);
  });
});

describe('the setup PIN', () => {
  it('comes with the branch settings and is checked on the tablet, as the server hashes it', async () => {
    const salt = '0123456789abcdef0123456789abcdef';
    const setupPin = { salt, sha256: await sha256Hex(`${salt}:4321`) };
    await savePairing(db, { deviceToken: TOKEN, device: DEVICE, library: null, setupPin: null }, 1);
    server.setupPin = setupPin;

    await refreshDevice(api());
    const stored = (await readKioskDevice(db))?.setupPin;

    expect(stored).toEqual(setupPin);
    if (!stored) throw new Error('no PIN stored');
    expect(await verifySetupPin('4321', stored)).toBe(true);
    expect(await verifySetupPin('1234', stored)).toBe(false);
    expect(await verifySetupPin('', stored)).toBe(false);
  });

  it('is removed from the tablet when the branch no longer has one', async () => {
    const setupPin = { salt: 'f'.repeat(32), sha256: 'a'.repeat(64) };
    await savePairing(db, { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin }, 1);

    await refreshDevice(api());

    expect((await readKioskDevice(db))?.setupPin).toBeNull();
  });
});

describe('pairing links and the content sync', () => {
  it('finds ?pair= and removes it, keeping the rest of the address', () => {
    const href = 'https://lotsen.example/?pair=042917&lang=sv#top';
    expect(pairingCodeInUrl(href)).toBe('042917');
    expect(urlWithout(href, ['pair'])).toBe('/?lang=sv#top');
    expect(pairingCodeInUrl('https://lotsen.example/')).toBeNull();
  });

  it('asks for content with the device token once paired, and without one before', async () => {
    const seen: (string | null)[] = [];
    const fetchContent: typeof fetch = (_input, init) => {
      seen.push(new Headers(init?.headers).get('Authorization'));
      return Promise.resolve(new Response('{}', { status: 500 }));
    };
    await expect(syncContent({ db, fetch: fetchContent })).rejects.toThrow();
    await savePairing(db, { deviceToken: TOKEN, device: DEVICE, library: null, setupPin: null }, 1);
    await expect(syncContent({ db, fetch: fetchContent })).rejects.toThrow();

    expect(seen).toEqual([null, `Bearer ${TOKEN}`]);
  });
});
