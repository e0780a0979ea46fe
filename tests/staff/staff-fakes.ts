/**
 * The staff screen's browser boundary, faked: fetch answers per test, and
 * an EventSource the test drives by hand. The server's side of the same
 * contract has its own route tests (tests/server/help-call-*.test.ts).
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { StaffUser } from '../../src/shared/api/accounts.ts';
import type { ContentRelease } from '../../src/shared/api/contract.ts';
import {
  HELP_CALL_HEARTBEAT_EVENT,
  type HelpCallEventType,
  type StaffBranch,
  type StaffHelpCall,
} from '../../src/shared/api/help-calls.ts';
import { BANKID_GUIDE, LIBRARY } from '../fixtures/kiosk-guides.ts';

export const ME: StaffUser = { id: 7, email: 'anna@bibliotek.example.se', role: 'staff' };
export const COLLEAGUE = { id: 8, email: 'bo@bibliotek.example.se' };
export const BRANCH: StaffBranch = { id: 1, name: 'Stadsbiblioteket' };
export const CONTENT: ContentRelease = {
  release: 1,
  since: 0,
  library: LIBRARY,
  guideIds: [BANKID_GUIDE.id],
  guides: [BANKID_GUIDE],
  images: [],
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problem(statusCode: number, message: string) {
  return json({ statusCode, error: 'Problem', message }, statusCode);
}

export function notLoggedIn() {
  return problem(401, 'You are not logged in, or your session has ended. Log in again.');
}

type Answer = (body: unknown) => Response;

/** A server that answers only what the test set up, and remembers what was asked. */
export class FakeApi {
  readonly requests: { method: string; url: string; body: unknown }[] = [];
  private readonly answers = new Map<string, Answer[]>();

  /** Answers `method url` with `answer`; several answers are used in turn, the last repeats. */
  on(method: string, url: string, ...answers: Answer[]): this {
    this.answers.set(`${method} ${url}`, answers);
    return this;
  }

  readonly fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const url = input instanceof Request ? input.url : String(input);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, body });
    const queue = this.answers.get(`${method} ${url}`);
    const answer = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    return Promise.resolve(answer ? answer(body) : problem(404, `No fake for ${method} ${url}`));
  });

  requestsTo(method: string, url: string) {
    return this.requests.filter((request) => request.method === method && request.url === url);
  }
}

/** An EventSource the test opens, feeds and breaks. */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readyState: number = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1);
    if (!latest) throw new Error('No EventSource was opened');
    return latest;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.get(type)?.delete(listener);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  get closed() {
    return this.readyState === FakeEventSource.CLOSED;
  }

  open() {
    act(() => {
      this.readyState = FakeEventSource.OPEN;
      this.onopen?.(new Event('open'));
    });
  }

  send(type: string, data: unknown, lastEventId: number) {
    this.dispatch(
      new MessageEvent(type, { data: JSON.stringify(data), lastEventId: `${lastEventId}` }),
    );
  }

  /** The server's "still here" (it has no id of its own). */
  heartbeat() {
    this.dispatch(new MessageEvent(HELP_CALL_HEARTBEAT_EVENT, { data: '{}' }));
  }

  private dispatch(event: MessageEvent) {
    if (this.closed) throw new Error('The screen closed this EventSource');
    act(() => {
      for (const listener of this.listeners.get(event.type) ?? []) listener(event);
    });
  }

  helpCall(type: HelpCallEventType, call: StaffHelpCall, eventId: number) {
    this.send('help-call', { type, call }, eventId);
  }

  /** The network dropped: the browser will try again by itself. */
  lose() {
    act(() => {
      this.readyState = FakeEventSource.CONNECTING;
      this.onerror?.(new Event('error'));
    });
  }

  /** The browser gave up, e.g. on a 401. */
  fail() {
    act(() => {
      this.readyState = FakeEventSource.CLOSED;
      this.onerror?.(new Event('error'));
    });
  }
}

let serial = 0;

/** A call as the server sends it to staff; waiting since `minutesAgo` by `serverNow`. */
export function staffCall(
  overrides: Partial<StaffHelpCall> & { minutesAgo?: number; serverNow?: number } = {},
): StaffHelpCall {
  const { minutesAgo = 1, serverNow = Date.now(), ...fields } = overrides;
  serial += 1;
  const since = new Date(serverNow - minutesAgo * 60_000 - 10_000).toISOString();
  return {
    id: `0b9d3b8e-5c1a-4a7e-9a53-${String(serial).padStart(12, '0')}`,
    deviceId: 3,
    deviceName: 'Surfplatta 2',
    branchId: BRANCH.id,
    location: '2:a våningen, vid skrivarna',
    guideId: BANKID_GUIDE.id,
    stepNumber: 3,
    language: 'ar',
    needs: ['speaks-my-language', 'trouble-seeing'],
    status: 'waiting',
    pressedAt: since,
    receivedAt: since,
    waitingSince: since,
    acknowledgedAt: null,
    doneAt: null,
    cancelledAt: null,
    acknowledgedBy: null,
    ...fields,
  };
}
