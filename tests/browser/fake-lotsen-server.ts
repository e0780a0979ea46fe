/**
 * A stand-in for the Lotsen server's tablet API, answering a fetch the way
 * the real routes do (idempotent PUT, 401 with a device code, ...), with
 * faults a test can queue: no network, an answer lost after the server
 * acted, a request that never answers, or any status.
 */
import type { LibrarySettings } from '../../src/shared/api/contract.ts';
import type { KioskDevice, KioskSetupPin } from '../../src/shared/api/devices.ts';
import type { HelpCall, HelpCallRequest } from '../../src/shared/api/help-calls.ts';

export const LIBRARY: LibrarySettings = {
  branchId: 1,
  libraryName: 'Stadsbiblioteket',
  infoDesk: 'informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
  fallbackLanguage: 'sv',
};

export const DEVICE: KioskDevice = {
  id: 7,
  name: 'Entrésurfplattan',
  branchId: 1,
  branchName: 'Stadsbiblioteket',
  location: 'Vid entrén',
};

export const TOKEN = 'a'.repeat(43);

export interface ReceivedRequest {
  method: string;
  path: string;
  token: string | null;
  body: unknown;
}

/**
 * - network-error: the request never reaches the server;
 * - lost-answer: the server acts on it, then the answer is lost;
 * - hang: no answer ever (until the caller aborts);
 * - an answer: sent instead of what the server would say (the server does nothing).
 */
export type Fault =
  | 'network-error'
  | 'lost-answer'
  | 'hang'
  | { status: number; body?: unknown; headers?: Record<string, string> };

const problem = (statusCode: number, message: string, code?: string) =>
  Response.json(
    { statusCode, error: 'Error', message, ...(code ? { code } : {}) },
    { status: statusCode },
  );

export class FakeLotsenServer {
  /** Requests that reached the server, in order. */
  received: ReceivedRequest[] = [];
  calls = new Map<string, { request: HelpCallRequest; call: HelpCall }>();
  /** Faults for the next requests, used up one per request. */
  faults: Fault[] = [];
  networkDown = false;
  tokens = new Map<string, 'ok' | 'device-revoked'>([[TOKEN, 'ok']]);
  pairingCodes = new Map<string, string>();
  device: KioskDevice = DEVICE;
  library: LibrarySettings = LIBRARY;
  /** The branch's setup PIN, as GET /api/devices/me sends it. */
  setupPin: KioskSetupPin | null = null;
  /** Resolves hung requests when a test is done with them. */
  private hung: (() => void)[] = [];

  requestsTo(method: string, pathPrefix = '/api/help-calls/'): ReceivedRequest[] {
    return this.received.filter(
      (request) => request.method === method && request.path.startsWith(pathPrefix),
    );
  }

  acknowledge(id: string): void {
    this.change(id, { status: 'acknowledged', acknowledgedAt: new Date().toISOString() });
  }

  markDone(id: string): void {
    this.change(id, { status: 'done', doneAt: new Date().toISOString() });
  }

  releaseHungRequests(): void {
    for (const release of this.hung.splice(0)) release();
  }

  private change(id: string, patch: Partial<HelpCall>) {
    const stored = this.calls.get(id);
    if (!stored) throw new Error(`No call ${id}`);
    stored.call = { ...stored.call, ...patch };
  }

  fetch: typeof fetch = async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://lotsen.test');
    const method = init?.method ?? 'GET';
    const auth = new Headers(init?.headers).get('Authorization');
    const token = auth?.replace(/^Bearer /, '') ?? null;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    // Let other work run between requests, as a real network would.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.networkDown) throw new TypeError('Failed to fetch');
    const fault = this.faults.shift();
    if (fault === 'network-error') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        const fail = () => {
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        };
        init?.signal?.addEventListener('abort', fail);
        this.hung.push(fail);
      });
    }
    this.received.push({ method, path: url.pathname, token, body });
    if (fault !== undefined && fault !== 'lost-answer') {
      return fault.body === undefined
        ? new Response(null, { status: fault.status, headers: fault.headers ?? {} })
        : Response.json(fault.body, { status: fault.status, headers: fault.headers ?? {} });
    }
    const response = this.answer(method, url.pathname, token, body);
    if (fault === 'lost-answer') throw new TypeError('Failed to fetch');
    return response;
  };

  private answer(method: string, path: string, token: string | null, body: unknown): Response {
    if (method === 'POST' && path === '/api/devices/pair') {
      const code = (body as { code?: string } | null)?.code ?? '';
      const deviceToken = this.pairingCodes.get(code);
      if (!deviceToken)
        return problem(400, 'This pairing code is wrong, already used, or expired.');
      this.pairingCodes.delete(code);
      this.tokens.set(deviceToken, 'ok');
      return Response.json({ deviceToken, device: this.device }, { status: 201 });
    }
    if (path === '/api/content') return problem(404, 'No content in this test.');

    const tokenState = token === null ? undefined : this.tokens.get(token);
    if (tokenState === undefined) return problem(401, 'Not paired.', 'device-not-paired');
    if (tokenState === 'device-revoked') return problem(401, 'Revoked.', 'device-revoked');

    if (method === 'GET' && path === '/api/devices/me') {
      return Response.json({ device: this.device, library: this.library, setupPin: this.setupPin });
    }
    const match = /^\/api\/help-calls\/([^/]+)(\/cancel)?$/.exec(path);
    if (!match?.[1]) return problem(404, 'No such API.');
    const id = decodeURIComponent(match[1]);
    const stored = this.calls.get(id);
    if (method === 'PUT' && !match[2]) {
      const request = body as HelpCallRequest;
      if (stored) {
        return JSON.stringify(stored.request) === JSON.stringify(request)
          ? Response.json(stored.call, { status: 200 })
          : problem(422, 'A different help call was already sent with this id.');
      }
      const now = new Date().toISOString();
      const call: HelpCall = {
        id,
        deviceId: this.device.id,
        deviceName: this.device.name,
        branchId: this.device.branchId,
        location: this.device.location,
        ...request,
        status: 'waiting',
        receivedAt: now,
        waitingSince: request.pressedAt,
        acknowledgedAt: null,
        doneAt: null,
        cancelledAt: null,
      };
      this.calls.set(id, { request, call });
      return Response.json(call, { status: 201 });
    }
    if (!stored) return problem(404, `There is no help call with id ${id}.`);
    if (method === 'GET' && !match[2]) return Response.json(stored.call);
    if (method === 'POST' && match[2]) {
      if (stored.call.status === 'waiting' || stored.call.status === 'acknowledged') {
        this.change(id, { status: 'cancelled', cancelledAt: new Date().toISOString() });
      }
      return Response.json(stored.call);
    }
    return problem(404, 'No such API.');
  }
}
