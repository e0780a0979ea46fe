/**
 * The staff screen's calls to the server, parsed with the shared contract.
 * Every failure becomes an ApiRequestError carrying the server's own
 * sentence when it sent one; a 401 is a NotLoggedInError, so any screen can
 * send the staff member back to the login.
 */
import type { z } from 'zod';
import {
  ACCOUNTS_API,
  StaffSession,
  type LoginRequest,
  type StaffUser,
} from '../shared/api/accounts.ts';
import { API, ApiProblem, ContentRelease } from '../shared/api/contract.ts';
import {
  BranchHelpCalls,
  HELP_CALLS_API,
  helpCallUrl,
  StaffBranchList,
  StaffHelpCall,
  type StaffBranch,
} from '../shared/api/help-calls.ts';

export class ApiRequestError extends Error {
  /** The error's whole JSON body, unparsed: some answers say more than the message (a 409's `code`). */
  readonly problem: unknown;

  constructor(
    /** undefined when the server was not reached at all. */
    readonly status: number | undefined,
    /** The server's sentence for people (ApiProblem.message), when it sent one. */
    readonly serverMessage: string | undefined,
    options?: ErrorOptions & { problem?: unknown },
  ) {
    super(serverMessage ?? (status ? `The server answered ${status}` : 'No answer'), options);
    this.name = 'ApiRequestError';
    this.problem = options?.problem;
  }
}

/** The session is gone (expired, logged out elsewhere): log in again. */
export class NotLoggedInError extends ApiRequestError {
  override name = 'NotLoggedInError';
}

export function asApiRequestError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError
    ? error
    : new ApiRequestError(undefined, undefined, { cause: error });
}

export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiRequestError(undefined, undefined, { cause: error });
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const problem = ApiProblem.safeParse(body);
  const message = problem.success ? problem.data.message : undefined;
  if (response.status === 401) throw new NotLoggedInError(401, message, { problem: body });
  throw new ApiRequestError(response.status, message, { problem: body });
}

export async function parsed<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const result = schema.safeParse(await response.json().catch(() => undefined));
  if (!result.success) {
    throw new ApiRequestError(response.status, undefined, { cause: result.error });
  }
  return result.data;
}

const postJson = (body?: unknown): RequestInit => ({
  method: 'POST',
  cache: 'no-store',
  ...(body === undefined
    ? {}
    : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  // The browser adds Origin to every fetch POST: the server's cross-site check needs nothing more.
});

export async function logIn(login: LoginRequest): Promise<StaffUser> {
  const response = await send(ACCOUNTS_API.login.path, postJson(login));
  return (await parsed(response, StaffSession)).user;
}

export async function logOut(): Promise<void> {
  await send(ACCOUNTS_API.logout.path, postJson());
}

/** Who is logged in; NotLoggedInError when nobody is. */
export async function whoAmI(signal?: AbortSignal): Promise<StaffUser> {
  const response = await send(ACCOUNTS_API.me.path, { cache: 'no-store', signal });
  return (await parsed(response, StaffSession)).user;
}

export async function fetchBranches(signal?: AbortSignal): Promise<StaffBranch[]> {
  const response = await send(HELP_CALLS_API.branches.path, { cache: 'no-store', signal });
  return (await parsed(response, StaffBranchList)).branches;
}

export interface BranchCallsAnswer extends BranchHelpCalls {
  /** How far the server's clock is ahead of this device's, in ms (0 when unknown). */
  serverClockOffsetMs: number;
}

/**
 * Wait times count from `waitingSince`, a server time. A staff device's
 * clock can be minutes off (desk PCs often are), so the answer's Date header
 * tells how far off: "waited 4 min" then means the same on every screen.
 * The header has whole seconds and the answer takes a while to arrive, so
 * the estimate is good to about a second: plenty for minutes.
 */
export async function fetchBranchCalls(
  branchId: number,
  signal?: AbortSignal,
): Promise<BranchCallsAnswer> {
  const path = HELP_CALLS_API.branchCalls.path.replace(':branchId', String(branchId));
  const sentAt = Date.now();
  const response = await send(path, { cache: 'no-store', signal });
  const receivedAt = Date.now();
  const serverDate = Date.parse(response.headers.get('date') ?? '');
  const serverClockOffsetMs = Number.isNaN(serverDate)
    ? 0
    : serverDate + 500 - (sentAt + receivedAt) / 2;
  return { ...(await parsed(response, BranchHelpCalls)), serverClockOffsetMs };
}

export type HelpCallAction = 'acknowledge' | 'done';

/** "I'm coming" or "Done"; answers the call as it is now. */
export async function actOnHelpCall(
  callId: string,
  action: HelpCallAction,
): Promise<StaffHelpCall> {
  const path = `${helpCallUrl(callId)}/${action}`;
  return parsed(await send(path, postJson()), StaffHelpCall);
}

/** The branch's published guides (all of them: no ?since), for their titles. */
export async function fetchGuides(branchId: number, signal?: AbortSignal) {
  const response = await send(`${API.content.path}?branch=${branchId}`, { signal });
  return (await parsed(response, ContentRelease)).guides;
}
