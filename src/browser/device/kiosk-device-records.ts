/**
 * The tablet's pairing, as stored on it: one row, written and read in
 * transactions. No network and no zod here, so screens and the outbox can
 * read the pairing without loading the enrollment code.
 */
import type { LibrarySettings } from '../../shared/api/contract.ts';
import type { DeviceProblemCode, KioskDevice, KioskSetupPin } from '../../shared/api/devices.ts';
import type { KioskDatabase, StoredKioskDevice } from '../local-db/kiosk-db.ts';

export type KioskDevicePairing = 'unpaired' | 'paired' | 'needs-setup';

export function pairingOf(device: StoredKioskDevice | null | undefined): KioskDevicePairing {
  if (!device) return 'unpaired';
  return device.problem === null ? 'paired' : 'needs-setup';
}

export function readKioskDevice(db: KioskDatabase): Promise<StoredKioskDevice | undefined> {
  return db.kioskDevice.get('device');
}

/** The token to send, whether or not the server still accepts it (the content sync sends it to learn). */
export async function readDeviceToken(db: KioskDatabase): Promise<string | null> {
  return (await readKioskDevice(db))?.deviceToken ?? null;
}

/** The token help calls may be sent with: none while the tablet needs pairing again. */
export async function usableDeviceToken(db: KioskDatabase): Promise<string | null> {
  const device = await readKioskDevice(db);
  return device && device.problem === null ? device.deviceToken : null;
}

/** A new pairing replaces the old one, problem and all. Help calls are not touched. */
export function savePairing(
  db: KioskDatabase,
  pairing: {
    deviceToken: string;
    device: KioskDevice;
    library: LibrarySettings | null;
    setupPin: KioskSetupPin | null;
  },
  now: number,
): Promise<void> {
  return db.transaction('rw', db.kioskDevice, async () => {
    await db.kioskDevice.put({
      key: 'device',
      ...pairing,
      problem: null,
      pairedAt: now,
      refreshedAt: pairing.library ? now : null,
    });
  });
}

/**
 * What GET /api/devices/me said, stored if the token asked with is still the
 * tablet's (a pairing may have replaced it while the request was out).
 */
export function saveDeviceDetails(
  db: KioskDatabase,
  askedWith: string,
  details: { device: KioskDevice; library: LibrarySettings; setupPin: KioskSetupPin | null },
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.kioskDevice, async () => {
    const stored = await readKioskDevice(db);
    if (stored?.deviceToken !== askedWith) return false;
    await db.kioskDevice.put({ ...stored, ...details, problem: null, refreshedAt: now });
    return true;
  });
}

/**
 * The server refused the token: the tablet needs pairing again. The row (and
 * every unsent call) stays; only a new pairing clears the flag.
 */
export function flagDeviceProblem(
  db: KioskDatabase,
  askedWith: string,
  problem: DeviceProblemCode,
): Promise<boolean> {
  return db.transaction('rw', db.kioskDevice, async () => {
    const stored = await readKioskDevice(db);
    if (stored?.deviceToken !== askedWith) return false;
    if (stored.problem !== problem) await db.kioskDevice.put({ ...stored, problem });
    return true;
  });
}
