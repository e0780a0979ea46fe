/** Kiosk devices (library tablets) in the database: reading, renaming, revoking. */
import type {
  KioskDevice,
  KioskDeviceChange,
  KioskDeviceDetails,
} from '../../shared/api/devices.ts';
import type { Database } from '../database/open-database.ts';

const DETAILS = `
  SELECT d.id, d.name, d.branch_id AS branchId, b.name AS branchName, d.location,
         d.created_at AS createdAt, d.enrolled_at AS enrolledAt, d.revoked_at AS revokedAt,
         d.last_seen_at AS lastSeenAt, d.pairing_expires_at AS pairingExpiresAt
    FROM kiosk_devices d JOIN branches b ON b.id = d.branch_id`;

/** A pairing code that has run out is no code at all. */
function withLivePairing(device: KioskDeviceDetails, now: Date): KioskDeviceDetails {
  const live = device.pairingExpiresAt !== null && device.pairingExpiresAt > now.toISOString();
  return live ? device : { ...device, pairingExpiresAt: null };
}

export function toKioskDevice(details: KioskDeviceDetails): KioskDevice {
  const { id, name, branchId, branchName, location } = details;
  return { id, name, branchId, branchName, location };
}

export function findKioskDevice(
  db: Database,
  id: number,
  now: Date = new Date(),
): KioskDeviceDetails | undefined {
  const device = db.prepare<[number], KioskDeviceDetails>(`${DETAILS} WHERE d.id = ?`).get(id);
  return device && withLivePairing(device, now);
}

export function listKioskDevices(db: Database, now: Date = new Date()): KioskDeviceDetails[] {
  return db
    .prepare<[], KioskDeviceDetails>(`${DETAILS} ORDER BY b.name, d.name, d.id`)
    .all()
    .map((device) => withLivePairing(device, now));
}

export interface DeviceCredentials {
  device: KioskDevice;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export function findDeviceByTokenHash(
  db: Database,
  tokenHash: string,
): DeviceCredentials | undefined {
  const row = db
    .prepare<[string], KioskDeviceDetails>(`${DETAILS} WHERE d.token_hash = ?`)
    .get(tokenHash);
  return (
    row && { device: toKioskDevice(row), revokedAt: row.revokedAt, lastSeenAt: row.lastSeenAt }
  );
}

export function addKioskDevice(
  db: Database,
  device: { name: string; branchId: number; location: string },
): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO kiosk_devices (name, branch_id, location) VALUES (?, ?, ?)')
    .run(device.name, device.branchId, device.location);
  return Number(lastInsertRowid);
}

export function changeKioskDevice(
  db: Database,
  id: number,
  change: KioskDeviceChange,
): KioskDeviceDetails | undefined {
  db.prepare(
    'UPDATE kiosk_devices SET name = coalesce(?, name), location = coalesce(?, location) WHERE id = ?',
  ).run(change.name ?? null, change.location ?? null, id);
  return findKioskDevice(db, id);
}

/**
 * Revoking keeps the token's hash, so the tablet can be told it was revoked
 * (rather than "unknown"); any unused pairing code stops working too.
 */
export function revokeKioskDevice(
  db: Database,
  id: number,
  now: Date = new Date(),
): KioskDeviceDetails | undefined {
  db.prepare(
    `UPDATE kiosk_devices
        SET revoked_at = coalesce(revoked_at, ?), pairing_code_hash = NULL, pairing_expires_at = NULL
      WHERE id = ?`,
  ).run(now.toISOString(), id);
  return findKioskDevice(db, id, now);
}

/** Notes that the tablet is alive, at most once a minute. */
export function touchKioskDevice(db: Database, credentials: DeviceCredentials, now: Date): void {
  const recent = new Date(now.getTime() - 60_000).toISOString();
  if (credentials.lastSeenAt !== null && credentials.lastSeenAt > recent) return;
  db.prepare('UPDATE kiosk_devices SET last_seen_at = ? WHERE id = ?').run(
    now.toISOString(),
    credentials.device.id,
  );
}
