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
         d.last_seen_at AS lastSeenAt, d.pairing_expires_at AS pairingExpiresAt,
         d.content_release AS contentRelease, d.app_version AS appVersion,
         d.pending_calls AS pendingCalls, d.reported_at AS reportedAt,
         (SELECT coalesce(MAX(r.id), 0) FROM content_releases r) AS latestRelease
    FROM kiosk_devices d JOIN branches b ON b.id = d.branch_id`;

type KioskDeviceRow = Omit<KioskDeviceDetails, 'report'> & {
  contentRelease: number | null;
  appVersion: string | null;
  pendingCalls: number | null;
  reportedAt: string | null;
};

/**
 * What the tablet said in its last content request (written by
 * tablet-reports.ts), and a pairing code that has run out is no code at all.
 */
function toDetails(row: KioskDeviceRow, now: Date): KioskDeviceDetails {
  const { contentRelease, appVersion, pendingCalls, reportedAt, ...device } = row;
  const live = device.pairingExpiresAt !== null && device.pairingExpiresAt > now.toISOString();
  return {
    ...device,
    pairingExpiresAt: live ? device.pairingExpiresAt : null,
    report:
      reportedAt === null
        ? null
        : {
            contentRelease: contentRelease ?? 0,
            appVersion: appVersion ?? '',
            pendingCalls: pendingCalls ?? 0,
            reportedAt,
          },
  };
}

export function toKioskDevice(details: KioskDevice): KioskDevice {
  const { id, name, branchId, branchName, location } = details;
  return { id, name, branchId, branchName, location };
}

export function findKioskDevice(
  db: Database,
  id: number,
  now: Date = new Date(),
): KioskDeviceDetails | undefined {
  const row = db.prepare<[number], KioskDeviceRow>(`${DETAILS} WHERE d.id = ?`).get(id);
  return row && toDetails(row, now);
}

export function listKioskDevices(db: Database, now: Date = new Date()): KioskDeviceDetails[] {
  return db
    .prepare<[], KioskDeviceRow>(`${DETAILS} ORDER BY b.name, d.name, d.id`)
    .all()
    .map((row) => toDetails(row, now));
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
    .prepare<[string], KioskDeviceRow>(`${DETAILS} WHERE d.token_hash = ?`)
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
