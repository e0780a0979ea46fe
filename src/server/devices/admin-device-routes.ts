/** Admins add, rename, revoke and re-pair the library's tablets. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DEVICES_API,
  KioskDeviceChange,
  NewKioskDevice,
  type IssuedPairingCode,
  type KioskDeviceDetails,
  type KioskDeviceList,
} from '../../shared/api/devices.ts';
import { requireStaff } from '../accounts/require-staff.ts';
import { findBranch } from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { addKioskDeviceWithCode, issuePairingCode } from './device-pairing.ts';
import { changeKioskDevice, listKioskDevices, revokeKioskDevice } from './kiosk-devices.ts';

const DeviceParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Use the device number, e.g. /api/admin/devices/3.')
    .transform(Number),
});

function found<T>(device: T | undefined, id: number): T {
  if (device === undefined) throw new ApiError(404, `There is no tablet with id ${id}.`);
  return device;
}

export function registerAdminDeviceRoutes(app: FastifyInstance, db: Database): void {
  const admin = { preHandler: requireStaff(db, 'admin') };
  const deviceId = (params: unknown) => parseRequestPart(DeviceParams, params, 'address').id;

  app.get(DEVICES_API.list.path, admin, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { devices: listKioskDevices(db) } satisfies KioskDeviceList;
  });

  app.post(DEVICES_API.create.path, admin, async (request, reply) => {
    const device = parseRequestPart(NewKioskDevice, request.body, 'tablet');
    if (!findBranch(db, device.branchId)) {
      throw new ApiError(400, `There is no library branch with id ${device.branchId}.`);
    }
    const issued = addKioskDeviceWithCode(db, device);
    return reply.code(201).send(issued satisfies IssuedPairingCode);
  });

  app.patch(DEVICES_API.update.path, admin, (request) => {
    const id = deviceId(request.params);
    const change = parseRequestPart(KioskDeviceChange, request.body, 'change');
    return found(changeKioskDevice(db, id, change), id) satisfies KioskDeviceDetails;
  });

  app.post(DEVICES_API.revoke.path, admin, (request) => {
    const id = deviceId(request.params);
    const device = found(revokeKioskDevice(db, id), id);
    request.log.info(`Tablet ${id} (${device.name}) was revoked.`);
    return device satisfies KioskDeviceDetails;
  });

  app.post(DEVICES_API.newPairingCode.path, admin, (request) => {
    const id = deviceId(request.params);
    return found(issuePairingCode(db, id), id) satisfies IssuedPairingCode;
  });
}
