/**
 * Kiosk devices: the library tablets. An admin adds a tablet and gets a
 * six-digit pairing code; the tablet trades the code for a device token it
 * keeps and sends as `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { ApiProblem, LibrarySettings } from './contract.ts';
import { DEVICE_PROBLEM_CODES, DEVICE_ROUTES, PAIRING_CODE_DIGITS } from './device-requests.ts';

// Without zod, for the kiosk's device check and outbox: see device-requests.ts.
export {
  DEVICE_PROBLEM_CODES,
  DEVICE_ROUTES,
  PAIRING_CODE_DIGITS,
  PAIRING_CODE_MINUTES,
} from './device-requests.ts';

export const DeviceProblem = ApiProblem.extend({ code: z.enum(DEVICE_PROBLEM_CODES).optional() });

export const PairingCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, `The pairing code is ${PAIRING_CODE_DIGITS} digits, e.g. 042917.`);

export const KioskDeviceName = z
  .string()
  .trim()
  .min(1, 'Give the tablet a name, e.g. "Entrance tablet".')
  .max(80);
/** Where staff find the tablet, e.g. "2nd floor, by the printers". */
export const KioskDeviceLocation = z.string().trim().max(200);

export const KioskDevice = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  branchId: z.number().int().positive(),
  branchName: z.string(),
  location: z.string(),
});

export const PairingRequest = z.object({ code: PairingCode });

export const PairingResponse = z.object({
  /** Keep it secret: whoever holds it can send help calls as this tablet. */
  deviceToken: z.string().min(43),
  device: KioskDevice,
});

/** 4 to 8 digits, typed by staff on the tablet after the hidden setup gesture. */
export const KioskSetupPinCode = z
  .string()
  .trim()
  .regex(/^\d{4,8}$/, 'The setup PIN is 4 to 8 digits, e.g. 4711.');

/**
 * How a tablet checks the setup PIN offline: the SHA-256 (hex) of
 * `${salt}:${pin}`. The PIN itself never leaves the server.
 */
export const KioskSetupPin = z.object({
  salt: z.string().min(16),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
});

/** What a paired tablet learns about itself at start. `setupPin` is null when the branch has none. */
export const PairedKioskDevice = z.object({
  device: KioskDevice,
  library: LibrarySettings,
  setupPin: KioskSetupPin.nullable(),
});

/** A tablet as admins see it. Times are ISO 8601 in UTC. */
export const KioskDeviceDetails = KioskDevice.extend({
  createdAt: z.string(),
  /** When a tablet last paired; null until it has. */
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** Until when an unused pairing code works; null when there is none. */
  pairingExpiresAt: z.string().nullable(),
  /** What the tablet said in its last content request; null until it made one. */
  report: z
    .object({
      /** The content release it shows visitors (0: none yet). */
      contentRelease: z.number().int().nonnegative(),
      appVersion: z.string(),
      /** Help calls waiting on the tablet to be delivered. */
      pendingCalls: z.number().int().nonnegative(),
      reportedAt: z.string(),
    })
    .nullable(),
  /** The newest content release, so the list can say which tablets are behind. */
  latestRelease: z.number().int().nonnegative(),
});

export const NewKioskDevice = z
  .object({
    name: KioskDeviceName,
    branchId: z.number().int().positive(),
    location: KioskDeviceLocation.default(''),
  })
  .strict();

export const KioskDeviceChange = z
  .object({ name: KioskDeviceName.optional(), location: KioskDeviceLocation.optional() })
  .strict()
  .refine((change) => change.name !== undefined || change.location !== undefined, {
    message: 'Send a new name, a new location, or both.',
  });

/** A new pairing code is shown once: only its hash is kept. */
export const IssuedPairingCode = z.object({
  device: KioskDeviceDetails,
  pairingCode: PairingCode,
  pairingExpiresAt: z.string(),
});

export const KioskDeviceList = z.object({ devices: z.array(KioskDeviceDetails) });

export const DEVICES_API = {
  pair: { ...DEVICE_ROUTES.pair, request: PairingRequest, response: PairingResponse },
  me: { ...DEVICE_ROUTES.me, response: PairedKioskDevice },
  list: { ...DEVICE_ROUTES.list, response: KioskDeviceList },
  create: { ...DEVICE_ROUTES.create, request: NewKioskDevice, response: IssuedPairingCode },
  update: { ...DEVICE_ROUTES.update, request: KioskDeviceChange, response: KioskDeviceDetails },
  revoke: { ...DEVICE_ROUTES.revoke, response: KioskDeviceDetails },
  newPairingCode: { ...DEVICE_ROUTES.newPairingCode, response: IssuedPairingCode },
} as const;

export type DeviceProblemCode = (typeof DEVICE_PROBLEM_CODES)[number];
export type DeviceProblem = z.infer<typeof DeviceProblem>;
export type KioskDevice = z.infer<typeof KioskDevice>;
export type PairingRequest = z.infer<typeof PairingRequest>;
export type PairingResponse = z.infer<typeof PairingResponse>;
export type KioskSetupPin = z.infer<typeof KioskSetupPin>;
export type PairedKioskDevice = z.infer<typeof PairedKioskDevice>;
export type KioskDeviceDetails = z.infer<typeof KioskDeviceDetails>;
export type NewKioskDevice = z.infer<typeof NewKioskDevice>;
export type KioskDeviceChange = z.infer<typeof KioskDeviceChange>;
export type IssuedPairingCode = z.infer<typeof IssuedPairingCode>;
export type KioskDeviceList = z.infer<typeof KioskDeviceList>;
