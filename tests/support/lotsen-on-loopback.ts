/**
 * A whole Lotsen server on a loopback port, with a fresh database, a staff
 * member who is logged in and tablets that are paired: what the fault test
 * and the help-call benchmark start from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_COOKIE } from '../../src/server/accounts/session-cookie.ts';
import { startStaffSession } from '../../src/server/accounts/staff-sessions.ts';
import { createStaffUser } from '../../src/server/accounts/staff-users.ts';
import { openDatabase } from '../../src/server/database/open-database.ts';
import {
  addKioskDeviceWithCode,
  pairKioskDevice,
} from '../../src/server/devices/device-pairing.ts';
import { freePort, ServerProcess } from './server-process.ts';

export interface PairedTestTablet {
  deviceId: number;
  token: string;
}

export interface LotsenOnLoopback {
  server: ServerProcess;
  dataDir: string;
  /** Cookie header of a logged-in staff member. */
  staffCookie: string;
  tablets: PairedTestTablet[];
  /** The demo branch's live stream. */
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startLotsenOnLoopback({
  tablets,
  env = {},
}: {
  tablets: number;
  env?: Record<string, string>;
}): Promise<LotsenOnLoopback> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotsen-loopback-'));
  const server = new ServerProcess(await freePort(), {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HELP_CALL_RATE_LIMIT_PER_MINUTE: '999999',
    ...env,
  });
  await server.start(); // creates and seeds the database: the demo branch is branch 1

  // The server's own code, on the same SQLite file (WAL lets both write).
  const db = openDatabase(dataDir);
  const staff = await createStaffUser(db, {
    email: 'desk@bibliotek.example.se',
    password: 'a long enough password',
    role: 'staff',
  });
  const { token: sessionToken } = startStaffSession(db, staff.id, undefined);
  const paired = Array.from({ length: tablets }, (_, index) => {
    const { pairingCode } = addKioskDeviceWithCode(db, {
      name: `Tablet ${index + 1}`,
      branchId: 1,
      location: `Floor ${(index % 3) + 1}, by the printers`,
    });
    const result = pairKioskDevice(db, pairingCode);
    if (!result) throw new Error(`Tablet ${index + 1} could not be paired.`);
    return { deviceId: result.device.id, token: result.deviceToken };
  });
  db.close();

  return {
    server,
    dataDir,
    staffCookie: `${SESSION_COOKIE}=${sessionToken}`,
    tablets: paired,
    eventsUrl: `${server.origin}/api/staff/branches/1/events?after=0`,
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
