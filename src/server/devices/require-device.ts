/**
 * Route guard for tablets: `Authorization: Bearer <device token>`. A 401
 * carries a `code` so the kiosk knows to go back to its setup screen.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { DeviceProblemCode } from '../../shared/api/devices.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError } from '../http/problems.ts';
import { secretHash } from '../secret-tokens.ts';
import { findDeviceByTokenHash, touchKioskDevice } from './kiosk-devices.ts';
import type { KioskDevice } from '../../shared/api/devices.ts';

export interface PairedDevice extends KioskDevice {
  /** Stable per pairing, and no secret: what per-tablet rate limits are keyed by. */
  tokenHash: string;
}

export const NOT_PAIRED =
  'This tablet is not paired with the Lotsen server (or was paired again elsewhere). ' +
  'A librarian can pair it with a code from the admin page.';
export const REVOKED =
  "This tablet's pairing was revoked, so it can no longer send help calls. " +
  'A librarian must pair it again with a new code.';

const paired = new WeakMap<FastifyRequest, PairedDevice>();

function deviceProblem(message: string, code: DeviceProblemCode) {
  return new ApiError(401, message, code);
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The paired tablet sending the request; throws a 401 for a missing, unknown or revoked token. */
export function authenticateDevice(db: Database, request: FastifyRequest): PairedDevice {
  const token = bearerToken(request);
  if (token === undefined) throw deviceProblem(NOT_PAIRED, 'device-not-paired');
  const tokenHash = secretHash(token);
  const credentials = findDeviceByTokenHash(db, tokenHash);
  if (!credentials) throw deviceProblem(NOT_PAIRED, 'device-not-paired');
  if (credentials.revokedAt !== null) throw deviceProblem(REVOKED, 'device-revoked');
  touchKioskDevice(db, credentials, new Date());
  return { ...credentials.device, tokenHash };
}

export function requireDevice(db: Database) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    paired.set(request, authenticateDevice(db, request));
    done();
  };
}

/** The tablet requireDevice let in. Only for routes that have it as their preHandler. */
export function deviceOf(request: FastifyRequest): PairedDevice {
  const device = paired.get(request);
  if (!device) throw new Error(`requireDevice did not run for ${request.method} ${request.url}.`);
  return device;
}
