/**
 * The admin area's calls to the server, parsed with the shared contracts.
 * Built on the staff screen's `send`: every failure is an ApiRequestError
 * with the server's sentence, and its whole body in `problem` for answers
 * that say more (a 409's `code` and `current`, a 422's `problems`). A 401
 * from any call tells the shell (onSessionEnded), which shows the login.
 */
import type { z } from 'zod';
import { StaffSession, type StaffRole, type StaffUser } from '../shared/api/accounts.ts';
import {
  ADMINISTRATION_API,
  LibraryBranch,
  LibraryBranchList,
  LibrarySettingsForAdmins,
  type LibrarySettingsChange,
  SetupStatus,
  StaffAccount,
  StaffAccountList,
  type FirstAdmin,
  type LibraryBranchChange,
  type NewLibraryBranch,
  type NewStaffAccount,
} from '../shared/api/administration.ts';
import {
  DEVICES_API,
  IssuedPairingCode,
  KioskDeviceDetails,
  KioskDeviceList,
  type KioskDeviceChange,
  type NewKioskDevice,
} from '../shared/api/devices.ts';
import { ApiRequestError, NotLoggedInError, parsed, send } from '../staff/staff-api.ts';

export type AdminMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AdminRequestOptions {
  method?: AdminMethod;
  /** Sent as JSON; a Blob (e.g. a picture) is sent as it is, with its own type. */
  body?: unknown;
  signal?: AbortSignal;
}

const sessionEndedListeners = new Set<() => void>();

/** Called whenever the server says nobody is logged in (401); returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => {
    sessionEndedListeners.delete(listener);
  };
}

function requestInit({ method = 'GET', body, signal }: AdminRequestOptions): RequestInit {
  const init: RequestInit = { method, cache: 'no-store', signal };
  if (body instanceof Blob) {
    return {
      ...init,
      body,
      headers: { 'content-type': body.type || 'application/octet-stream' },
    };
  }
  if (body === undefined) return init;
  // The browser adds Origin to every fetch POST/PUT/PATCH/DELETE: the cross-site check needs no more.
  return { ...init, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

/** Any admin call; resolves with the (ok) Response, throws ApiRequestError. */
export async function adminRequest(
  path: string,
  options: AdminRequestOptions = {},
): Promise<Response> {
  try {
    return await send(path, requestInit(options));
  } catch (error) {
    if (error instanceof NotLoggedInError) {
      for (const listener of sessionEndedListeners) listener();
    }
    throw error;
  }
}

/** An admin call whose answer is JSON in `schema`'s shape. */
export async function adminJson<T>(
  path: string,
  schema: z.ZodType<T>,
  options: AdminRequestOptions = {},
): Promise<T> {
  return parsed(await adminRequest(path, options), schema);
}

/**
 * The error's body in a richer shape, e.g. `problemBody(error, GuideConflict)`
 * after a 409; undefined when the error is not from the server or says less.
 */
export function problemBody<T>(error: unknown, schema: z.ZodType<T>): T | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const result = schema.safeParse(error.problem);
  return result.success ? result.data : undefined;
}

/** `/api/admin/users/:id` with the id filled in. */
export const withId = (path: string, id: number) => path.replace(':id', String(id));

const api = ADMINISTRATION_API;

export async function fetchSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return adminJson(api.setupStatus.path, SetupStatus, { signal });
}

export async function createFirstAdmin(admin: FirstAdmin): Promise<StaffUser> {
  const session = await adminJson(api.createFirstAdmin.path, StaffSession, {
    method: 'POST',
    body: admin,
  });
  return session.user;
}

export async function fetchUsers(signal?: AbortSignal): Promise<StaffAccount[]> {
  return (await adminJson(api.listUsers.path, StaffAccountList, { signal })).users;
}

export async function createUser(account: NewStaffAccount): Promise<StaffAccount> {
  return adminJson(api.createUser.path, StaffAccount, { method: 'POST', body: account });
}

export async function changeRole(id: number, role: StaffRole): Promise<StaffAccount> {
  return adminJson(withId(api.changeRole.path, id), StaffAccount, {
    method: 'PATCH',
    body: { role },
  });
}

export async function resetPassword(id: number, password: string): Promise<StaffAccount> {
  return adminJson(withId(api.resetPassword.path, id), StaffAccount, {
    method: 'POST',
    body: { password },
  });
}

export async function removeUser(id: number): Promise<void> {
  await adminRequest(withId(api.removeUser.path, id), { method: 'DELETE' });
}

export async function fetchBranches(signal?: AbortSignal): Promise<LibraryBranch[]> {
  return (await adminJson(api.listBranches.path, LibraryBranchList, { signal })).branches;
}

export async function createBranch(branch: NewLibraryBranch): Promise<LibraryBranch> {
  return adminJson(api.createBranch.path, LibraryBranch, { method: 'POST', body: branch });
}

export async function changeBranch(
  id: number,
  change: LibraryBranchChange,
): Promise<LibraryBranch> {
  return adminJson(withId(api.changeBranch.path, id), LibraryBranch, {
    method: 'PATCH',
    body: change,
  });
}

/** null clears the PIN. */
export async function setBranchPin(id: number, pin: string | null): Promise<LibraryBranch> {
  return adminJson(withId(api.setBranchPin.path, id), LibraryBranch, {
    method: 'PUT',
    body: { pin },
  });
}

export async function fetchSettings(signal?: AbortSignal): Promise<LibrarySettingsForAdmins> {
  return adminJson(api.settings.path, LibrarySettingsForAdmins, { signal });
}

export async function changeSettings(
  settings: LibrarySettingsChange,
): Promise<LibrarySettingsForAdmins> {
  return adminJson(api.changeSettings.path, LibrarySettingsForAdmins, {
    method: 'PUT',
    body: settings,
  });
}

export async function fetchDevices(signal?: AbortSignal): Promise<KioskDeviceDetails[]> {
  return (await adminJson(DEVICES_API.list.path, KioskDeviceList, { signal })).devices;
}

export async function createDevice(device: NewKioskDevice): Promise<IssuedPairingCode> {
  return adminJson(DEVICES_API.create.path, IssuedPairingCode, { method: 'POST', body: device });
}

export async function changeDevice(
  id: number,
  change: KioskDeviceChange,
): Promise<KioskDeviceDetails> {
  return adminJson(withId(DEVICES_API.update.path, id), KioskDeviceDetails, {
    method: 'PATCH',
    body: change,
  });
}

export async function revokeDevice(id: number): Promise<KioskDeviceDetails> {
  return adminJson(withId(DEVICES_API.revoke.path, id), KioskDeviceDetails, { method: 'POST' });
}

export async function issuePairingCode(id: number): Promise<IssuedPairingCode> {
  return adminJson(withId(DEVICES_API.newPairingCode.path, id), IssuedPairingCode, {
    method: 'POST',
  });
}
