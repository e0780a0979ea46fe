/**
 * Device enrollment: the tablet trades a librarian's six-digit code for a
 * device token, and asks the server who it is at start. It owns the pairing
 * row; the outbox only reads the token from it.
 */
import { DEVICE_ROUTES } from '../../shared/api/device-requests.ts';
import type { DeviceProblemCode, KioskDevice } from '../../shared/api/devices.ts';
import { kioskDb, type KioskDatabase } from '../local-db/kiosk-db.ts';
import { wakeOutbox } from '../outbox/outbox-signal.ts';
import {
  checkDeviceProblem,
  checkPairedKioskDevice,
  checkPairingCode,
  checkPairingResponse,
} from '../server-answers/answer-checks.ts';
import {
  flagDeviceProblem,
  readKioskDevice,
  saveDeviceDetails,
  savePairing,
} from './kiosk-device-records.ts';

export interface DeviceApiOptions {
  db?: KioskDatabase;
  fetch?: typeof fetch;
  /** Where the API lives; empty for the page's own origin. */
  baseUrl?: string;
  now?: () => number;
}

export type PairingFailure = 'invalid-code' | 'wrong-code' | 'rate-limited' | 'network' | 'server';

export type PairingOutcome =
  | { status: 'paired'; device: KioskDevice }
  | { status: 'failed'; reason: PairingFailure; message: string };

export type DeviceCheck =
  | { status: 'unpaired' }
  | { status: 'paired'; device: KioskDevice }
  | { status: 'needs-setup'; code: DeviceProblemCode }
  | { status: 'unreachable'; message: string };

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

function messageOf(body: unknown, status: number): string {
  const problem = checkDeviceProblem(body);
  return problem.ok ? problem.value.message : `The server answered ${status}.`;
}

/**
 * Pairs the tablet with a code from the admin page and stores the token.
 * Calls waiting for a pairing are sent right away; the branch's settings are
 * fetched straight after (best effort: the start-up check fetches them too).
 */
export async function pairDevice(
  code: string,
  options: DeviceApiOptions = {},
): Promise<PairingOutcome> {
  const { db = kioskDb, fetch: fetchImpl = fetch, baseUrl = '', now = Date.now } = options;
  const parsedCode = checkPairingCode(code);
  if (!parsedCode.ok) {
    return {
      status: 'failed',
      reason: 'invalid-code',
      message: `The pairing code ${parsedCode.problems.join('; ')}.`,
    };
  }
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}${DEVICE_ROUTES.pair.path}`, {
      method: DEVICE_ROUTES.pair.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code: parsedCode.value }),
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (error) {
    return {
      status: 'failed',
      reason: 'network',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const body = await readJson(response);
  if (!response.ok) {
    const reason: PairingFailure =
      response.status === 429 ? 'rate-limited' : response.status === 400 ? 'wrong-code' : 'server';
    return { status: 'failed', reason, message: messageOf(body, response.status) };
  }
  const paired = checkPairingResponse(body);
  if (!paired.ok) {
    return {
      status: 'failed',
      reason: 'server',
      message: 'The server sent a pairing this tablet cannot read.',
    };
  }
  await savePairing(
    db,
    {
      deviceToken: paired.value.deviceToken,
      device: paired.value.device,
      library: null,
      // The branch's PIN comes with the settings, from the check below.
      setupPin: null,
    },
    now(),
  );
  wakeOutbox('paired');
  try {
    await refreshDevice(options);
  } catch {
    // The pairing is stored; the start-up check fetches the settings later.
  }
  return { status: 'paired', device: paired.value.device };
}

/**
 * Asks the server who the tablet is (GET /api/devices/me) and stores its
 * name, place and branch settings. A refused token marks the tablet as
 * needing setup; the token and every unsent call stay.
 */
export async function refreshDevice(options: DeviceApiOptions = {}): Promise<DeviceCheck> {
  const { db = kioskDb, fetch: fetchImpl = fetch, baseUrl = '', now = Date.now } = options;
  const stored = await readKioskDevice(db);
  if (!stored) return { status: 'unpaired' };
  const token = stored.deviceToken;
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}${DEVICE_ROUTES.me.path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (error) {
    return {
      status: 'unreachable',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const body = await readJson(response);
  if (response.status === 401) {
    const problem = checkDeviceProblem(body);
    const code = problem.ok ? problem.value.code : undefined;
    if (code) {
      await flagDeviceProblem(db, token, code);
      return { status: 'needs-setup', code };
    }
  }
  if (!response.ok) return { status: 'unreachable', message: messageOf(body, response.status) };
  const details = checkPairedKioskDevice(body);
  if (!details.ok) {
    return { status: 'unreachable', message: 'The server sent details this tablet cannot read.' };
  }
  await saveDeviceDetails(db, token, details.value, now());
  // The server answered: calls waiting out a backoff can go now.
  wakeOutbox('reconnected');
  return { status: 'paired', device: details.value.device };
}
