/**
 * The kiosk's checks of what the server answers, each against the JSON
 * Schema zod writes from the shared contract, so the kiosk reads answers as
 * the contract says without loading zod. answer-schemas.json is generated:
 * tests/browser/answer-schemas.test.ts names the contract schema behind each
 * entry and fails when the file no longer matches (`npx vitest run -u
 * tests/browser/answer-schemas.test.ts` writes it anew). Named imports let
 * the bundler leave out the schemas a chunk does not check.
 */
import type { ContentRelease } from '../../shared/api/contract.ts';
import type {
  DeviceProblem,
  PairedKioskDevice,
  PairingResponse,
} from '../../shared/api/devices.ts';
import type { HelpCall } from '../../shared/api/help-calls.ts';
import {
  ContentRelease as contentRelease,
  DeviceProblem as deviceProblem,
  HelpCall as helpCall,
  PairedKioskDevice as pairedKioskDevice,
  PairingCode as pairingCode,
  PairingResponse as pairingResponse,
} from './answer-schemas.json';
import { checkJson, type CheckResult } from './json-schema-check.ts';

export type { CheckResult };

/** TypeScript types the JSON by its values (`type: string`); the test makes sure it is a JsonSchema. */
const checkerFor =
  <T>(schema: object) =>
  (value: unknown): CheckResult<T> =>
    checkJson<T>(schema, value);

/** GET /api/content: the guides and settings a tablet shows. */
export const checkContentRelease = checkerFor<ContentRelease>(contentRelease);
/** A help call as the server has it (send, read, cancel). */
export const checkHelpCall = checkerFor<HelpCall>(helpCall);
/** The body of a refused device request: the code says whether to pair again. */
export const checkDeviceProblem = checkerFor<DeviceProblem>(deviceProblem);
/** GET /api/devices/me: who the tablet is and its branch's settings. */
export const checkPairedKioskDevice = checkerFor<PairedKioskDevice>(pairedKioskDevice);
/** POST /api/devices/pair: the device token and who the tablet now is. */
export const checkPairingResponse = checkerFor<PairingResponse>(pairingResponse);
/**
 * A pairing code as staff typed it. Not an answer, but the same form rule the
 * server applies; zod's trim() has no JSON Schema form, so spaces are trimmed
 * here.
 */
export const checkPairingCode = (code: string): CheckResult<string> => checkCodeForm(code.trim());
const checkCodeForm = checkerFor<string>(pairingCode);
