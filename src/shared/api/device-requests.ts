/**
 * Kiosk devices without zod: problem codes, pairing code rules and
 * addresses. Part of the contract (devices.ts re-exports all of it and adds
 * the schemas), kept apart so the kiosk's device check and outbox can run
 * without loading zod.
 */

/**
 * Set on a device's 401 so the kiosk can tell "go back to setup" from other
 * failures: never paired (or the token was replaced), or revoked by an admin.
 */
export const DEVICE_PROBLEM_CODES = ['device-not-paired', 'device-revoked'] as const;

export const PAIRING_CODE_DIGITS = 6;
export const PAIRING_CODE_MINUTES = 15;

/** Where each device request goes; DEVICES_API in devices.ts adds what is sent and answered. */
export const DEVICE_ROUTES = {
  pair: { method: 'POST', path: '/api/devices/pair' },
  me: { method: 'GET', path: '/api/devices/me' },
  list: { method: 'GET', path: '/api/admin/devices' },
  create: { method: 'POST', path: '/api/admin/devices' },
  update: { method: 'PATCH', path: '/api/admin/devices/:id' },
  revoke: { method: 'POST', path: '/api/admin/devices/:id/revoke' },
  /** Pairing with the new code replaces the tablet's token (and lifts a revocation). */
  newPairingCode: { method: 'POST', path: '/api/admin/devices/:id/pairing-code' },
} as const;
