/**
 * Pairing: an admin gets a six-digit code for a tablet; typed into the
 * tablet within 15 minutes, it is traded once for the tablet's own token.
 * Codes and tokens are stored only as hashes.
 */
import { randomInt } from 'node:crypto';
import {
  PAIRING_CODE_MINUTES,
  type IssuedPairingCode,
  type PairingResponse,
} from '../../shared/api/devices.ts';
import type { Database } from '../database/open-database.ts';
import { newSecretToken, secretHash } from '../secret-tokens.ts';
import { addKioskDevice, findKioskDevice, toKioskDevice } from './kiosk-devices.ts';

function randomPairingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function codeInUse(db: Database, codeHash: string, now: Date): boolean {
  return (
    db
      .prepare<[string, string], { id: number }>(
        'SELECT id FROM kiosk_devices WHERE pairing_code_hash = ? AND pairing_expires_at > ?',
      )
      .get(codeHash, now.toISOString()) !== undefined
  );
}

/**
 * Gives the device a new pairing code, replacing any unused one. The
 * device's current token keeps working until the new code is used.
 */
export function issuePairingCode(
  db: Database,
  deviceId: number,
  now: Date = new Date(),
): IssuedPairingCode | undefined {
  return db
    .transaction(() => {
      if (!findKioskDevice(db, deviceId, now)) return undefined;
      // Two tablets waiting with the same code would be ambiguous: draw again.
      let code = randomPairingCode();
      while (codeInUse(db, secretHash(code), now)) code = randomPairingCode();
      const pairingExpiresAt = new Date(
        now.getTime() + PAIRING_CODE_MINUTES * 60_000,
      ).toISOString();
      db.prepare(
        'UPDATE kiosk_devices SET pairing_code_hash = ?, pairing_expires_at = ? WHERE id = ?',
      ).run(secretHash(code), pairingExpiresAt, deviceId);
      const device = findKioskDevice(db, deviceId, now);
      if (!device) throw new Error(`Kiosk device ${deviceId} vanished while getting a code.`);
      return { device, pairingCode: code, pairingExpiresAt };
    })
    .immediate();
}

/**
 * Trades a live pairing code for a new device token; undefined when the
 * code is wrong, used or expired. Pairing lifts a revocation and replaces
 * the old token, so a tablet that was lost or reset can be paired afresh.
 */
export function pairKioskDevice(
  db: Database,
  code: string,
  now: Date = new Date(),
): PairingResponse | undefined {
  return db
    .transaction(() => {
      const row = db
        .prepare<[string, string], { id: number }>(
          'SELECT id FROM kiosk_devices WHERE pairing_code_hash = ? AND pairing_expires_at > ?',
        )
        .get(secretHash(code), now.toISOString());
      if (!row) return undefined;
      const deviceToken = newSecretToken();
      db.prepare(
        `UPDATE kiosk_devices
          SET token_hash = ?, pairing_code_hash = NULL, pairing_expires_at = NULL,
              enrolled_at = ?, revoked_at = NULL, last_seen_at = ?
        WHERE id = ?`,
      ).run(secretHash(deviceToken), now.toISOString(), now.toISOString(), row.id);
      const device = findKioskDevice(db, row.id, now);
      if (!device) throw new Error(`Kiosk device ${row.id} vanished while pairing.`);
      return { deviceToken, device: toKioskDevice(device) };
    })
    .immediate();
}

/** Adds a tablet to a branch and gives it its first pairing code, in one transaction. */
export function addKioskDeviceWithCode(
  db: Database,
  device: { name: string; branchId: number; location: string },
  now: Date = new Date(),
): IssuedPairingCode {
  return db
    .transaction(() => {
      const id = addKioskDevice(db, device);
      const issued = issuePairingCode(db, id, now);
      if (!issued) throw new Error(`Kiosk device ${id} vanished right after it was added.`);
      return issued;
    })
    .immediate();
}
