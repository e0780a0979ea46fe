/** What tablets ask about themselves: pairing, and "who am I?" at start. */
import type { FastifyInstance } from 'fastify';
import {
  DEVICES_API,
  PairingRequest,
  type PairedKioskDevice,
  type PairingResponse,
} from '../../shared/api/devices.ts';
import { readKioskSetupPin } from '../branches/library-branches.ts';
import { readLibrarySettings } from '../content/content-release.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { waitingTime } from '../http/rate-limits.ts';
import { pairKioskDevice } from './device-pairing.ts';
import { deviceOf, requireDevice } from './require-device.ts';

export const WRONG_PAIRING_CODE =
  'This pairing code is wrong, already used, or expired. Codes work once, for 15 minutes: ' +
  'ask a librarian for a new one.';

export function registerDeviceRoutes(app: FastifyInstance, db: Database): void {
  app.post(
    DEVICES_API.pair.path,
    {
      config: {
        rateLimit: {
          // A million codes: ten guesses a minute per address leaves no real chance in 15 minutes.
          max: 10,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              `Too many pairing attempts from this tablet. Wait ${waitingTime(context.ttl)} and try again.`,
            ),
        },
      },
    },
    async (request, reply) => {
      const { code } = parseRequestPart(PairingRequest, request.body, 'pairing request');
      const paired = pairKioskDevice(db, code);
      if (!paired) throw new ApiError(400, WRONG_PAIRING_CODE);
      request.log.info(`Tablet ${paired.device.id} (${paired.device.name}) was paired.`);
      return reply.code(201).send(paired satisfies PairingResponse);
    },
  );

  app.get(DEVICES_API.me.path, { preHandler: requireDevice(db) }, async (request, reply) => {
    const device = deviceOf(request);
    const library = readLibrarySettings(db, device.branchId);
    if (!library) throw new Error(`Branch ${device.branchId} of tablet ${device.id} is missing.`);
    reply.header('cache-control', 'no-store');
    const { tokenHash: _hash, ...kioskDevice } = device;
    const setupPin = readKioskSetupPin(db, device.branchId);
    return { device: kioskDevice, library, setupPin } satisfies PairedKioskDevice;
  });
}
