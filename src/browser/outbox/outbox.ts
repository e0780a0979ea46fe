/**
 * The outbox: the one place that sends help calls from the tablet. A call is
 * written to the tablet's database before anything else happens, then sent
 * with the same UUID until the server has it, however often the network
 * drops; the server stores a call once per UUID, so staff hear of it once.
 * Only one sender runs per database (Web Locks across tabs, a mutex in the
 * same process), so two tabs or two triggers never send the same call twice
 * at once. Needs no window: Node tests drive the real thing.
 */
import type { DeviceProblemCode } from '../../shared/api/devices.ts';
import { HELP_CALL_ROUTES, helpCallUrl } from '../../shared/api/help-call-requests.ts';
import type { KioskDatabase, OutboxHelpCall, OutboxProblem } from '../local-db/kiosk-db.ts';
import { checkDeviceProblem, checkHelpCall } from '../server-answers/answer-checks.ts';
import {
  beginSend,
  nextActionFor,
  readActiveHelpCalls,
  recordCancelledLocally,
  recordFailure,
  recordGivenUp,
  recordRefused,
  recordServerAnswer,
  requestHelpCallCancel,
  storeHelpCall,
  type HelpCallContext,
  type OutboxAction,
} from './outbox-records.ts';
import {
  parseRetryAfter,
  RETRY_POLICY,
  retryDelay,
  verdictFor,
  type RetryPolicy,
} from './retry-policy.ts';

export interface OutboxOptions {
  db: KioskDatabase;
  fetch?: typeof fetch;
  /** Where the API lives; empty for the page's own origin. */
  baseUrl?: string;
  /** The tablet's device token; null while it has none that works (calls then wait). */
  getDeviceToken: () => string | null | Promise<string | null>;
  /** Milliseconds since 1970; the outbox's only clock. */
  now?: () => number;
  /** In [0, 1): the backoff's jitter. */
  random?: () => number;
  newId?: () => string;
  /** False when the device knows it is offline: nothing is tried (so nothing can be half-sent). */
  isOnline?: () => boolean;
  /** The server refused the token: the tablet must be paired again. Calls wait until then. */
  onDeviceProblem?: (problem: { code: DeviceProblemCode; token: string }) => void | Promise<void>;
  policy?: Partial<RetryPolicy>;
}

export interface FlushOptions {
  /**
   * Retry failed calls now rather than when their backoff ends (the network
   * is back, the app just started). A server's Retry-After is still honoured.
   */
  ignoreBackoff?: boolean;
}

export interface FlushResult {
  /** When the outbox next has something due; null when it has nothing to do until something changes. */
  nextWakeAt: number | null;
}

type Answer =
  | { kind: 'answer'; status: number; body: unknown; retryAfter: string | null }
  | { kind: 'no-answer'; message: string };

const localLocks = new Map<string, Promise<void>>();

/** One holder at a time per name: Web Locks where they exist (all tabs), else a mutex in this process. */
async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request(name, task);
  }
  const previous = localLocks.get(name) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  localLocks.set(name, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (localLocks.get(name) === tail) localLocks.delete(name);
  }
}

// Node (tests, simulated kiosks) has no navigator, or one without onLine: count it as online.
const defaultIsOnline = () =>
  typeof navigator === 'undefined' || (navigator.onLine as boolean | undefined) !== false;

export class Outbox {
  private readonly db: KioskDatabase;
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private readonly getDeviceToken: OutboxOptions['getDeviceToken'];
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly isOnline: () => boolean;
  private readonly onDeviceProblem: NonNullable<OutboxOptions['onDeviceProblem']>;
  private readonly policy: RetryPolicy;
  private readonly lockName: string;
  /** The token the server refused; nothing is sent with it again. */
  private refusedToken: string | null = null;
  private running: Promise<FlushResult> | null = null;
  private rerun: FlushOptions | null = null;

  constructor(options: OutboxOptions) {
    this.db = options.db;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
    this.getDeviceToken = options.getDeviceToken;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.isOnline = options.isOnline ?? defaultIsOnline;
    this.onDeviceProblem = options.onDeviceProblem ?? (() => undefined);
    this.policy = { ...RETRY_POLICY, ...options.policy };
    this.lockName = `lotsen-outbox:${this.db.name}`;
  }

  /**
   * Saves the call (awaited: when this resolves, the call survives a reload
   * or a dead battery), then starts sending it without waiting.
   */
  async callForHelp(context: HelpCallContext): Promise<OutboxHelpCall> {
    const call = await storeHelpCall(this.db, context, { id: this.newId(), now: this.now() });
    this.flush().catch(() => undefined); // a failed flush is retried by the next trigger
    return call;
  }

  /** Cancels here if the server cannot have the call yet; otherwise tells the server. */
  async cancelHelpCall(id: string): Promise<'cancelled' | 'cancel-queued' | 'nothing-to-cancel'> {
    const outcome = await requestHelpCallCancel(this.db, id, this.now());
    if (outcome === 'cancel-queued') this.flush().catch(() => undefined);
    return outcome;
  }

  /**
   * Does everything that is due: sends, cancels, status checks. Flushes asked
   * for while one runs are merged into one more pass after it.
   */
  flush(options: FlushOptions = {}): Promise<FlushResult> {
    if (this.running) {
      this.rerun = { ignoreBackoff: Boolean(this.rerun?.ignoreBackoff || options.ignoreBackoff) };
      return this.running;
    }
    const run = async () => {
      let pass: FlushOptions | null = options;
      let result: FlushResult = { nextWakeAt: null };
      while (pass) {
        const current: FlushOptions = pass;
        this.rerun = null;
        result = await withLock(this.lockName, () => this.flushOnce(current));
        pass = this.rerun;
      }
      return result;
    };
    const running = run().finally(() => {
      this.running = null;
    });
    this.running = running;
    return running;
  }

  private async sendingToken(): Promise<string | null> {
    if (!this.isOnline()) return null;
    const token = await this.getDeviceToken();
    return token === null || token === this.refusedToken ? null : token;
  }

  private async flushOnce({ ignoreBackoff = false }: FlushOptions): Promise<FlushResult> {
    // Once the server answered anything, it is reachable: calls in backoff need not wait.
    let reachable = false;
    let waitedOutBackoff = false;
    for (const listed of await readActiveHelpCalls(this.db)) {
      const done = new Set<OutboxAction>();
      for (;;) {
        const call = await this.db.helpCalls.get(listed.id);
        const action = call ? nextActionFor(call) : null;
        if (!call || action === null || done.has(action)) break;
        done.add(action);
        if (action === 'cancel-locally') {
          await recordCancelledLocally(this.db, call.id, this.now());
          break;
        }
        const token = await this.sendingToken();
        if (token === null) break;
        if (!this.isDue(call, ignoreBackoff || reachable)) {
          waitedOutBackoff = true;
          break;
        }
        if (await this.perform(action, call, token)) reachable = true;
      }
    }
    // Calls looked at before the server proved reachable were left to their backoff: one more
    // pass sends them now, whether or not the browser ever fires 'online' (the Wi-Fi may have
    // stayed up while the server or the library's network was down).
    if (reachable && waitedOutBackoff && !ignoreBackoff) {
      this.rerun = { ignoreBackoff: true };
    }
    return { nextWakeAt: await this.nextWakeAt() };
  }

  private isDue(call: OutboxHelpCall, ignoreBackoff: boolean): boolean {
    if (call.nextAttemptAt <= this.now()) return true;
    return ignoreBackoff && call.lastError !== null && call.lastError.kind !== 'rate-limited';
  }

  private async nextWakeAt(): Promise<number | null> {
    if ((await this.sendingToken()) === null) return null;
    const times = (await readActiveHelpCalls(this.db)).map((call) => call.nextAttemptAt);
    return times.length === 0 ? null : Math.max(Math.min(...times), this.now());
  }

  /** Returns whether the server answered at all. */
  private perform(action: OutboxAction, call: OutboxHelpCall, token: string): Promise<boolean> {
    switch (action) {
      case 'send':
        return this.send(call, token);
      case 'cancel':
        return this.sendCancel(call, token);
      case 'check-status':
        return this.checkStatus(call, token);
      case 'cancel-locally':
        return Promise.resolve(false);
    }
  }

  private async send(listed: OutboxHelpCall, token: string): Promise<boolean> {
    const started = await beginSend(this.db, listed.id);
    if (!started) return false; // cancelled just now: the next step cancels it
    const { call, maybeOnServerBefore } = started;
    const answer = await this.request(HELP_CALL_ROUTES.send.method, helpCallUrl(call.id), token, {
      body: call.request,
    });
    if (answer.kind === 'no-answer') {
      // The request may have arrived and only the answer got lost: the call may be on the server.
      await this.retryLater(call, this.problem('network', null, answer.message), null, true);
      return false;
    }
    const { code, message } = problemOf(answer.body, answer.status);
    switch (verdictFor(answer.status, code)) {
      case 'accepted':
        await this.storeAnswer(call, answer);
        return true;
      case 'retry': {
        const rateLimited = answer.status === 429;
        // A 5xx may come after the server stored the call; 408, 429 and a stray 401 come before.
        const maybeOnServer = answer.status >= 500 || maybeOnServerBefore;
        await this.retryLater(
          call,
          this.problem(rateLimited ? 'rate-limited' : 'server', answer.status, message),
          answer.retryAfter,
          maybeOnServer,
        );
        return true;
      }
      case 'device':
        await this.pauseForPairing(call, token, code, message, maybeOnServerBefore);
        return true;
      case 'refused':
        await recordRefused(this.db, call.id, {
          problem: this.problem('refused', answer.status, message),
          maybeOnServer: maybeOnServerBefore,
        });
        return true;
    }
  }

  private sendCancel(call: OutboxHelpCall, token: string): Promise<boolean> {
    return this.askAboutCall(
      call,
      token,
      HELP_CALL_ROUTES.cancel.method,
      `${helpCallUrl(call.id)}/cancel`,
      async (problem) => {
        // 404 for a call never delivered: the server never had it. Either way, nobody is coming.
        if (call.state === 'queued') await recordCancelledLocally(this.db, call.id, this.now());
        await recordGivenUp(this.db, call.id, { problem });
      },
    );
  }

  private checkStatus(call: OutboxHelpCall, token: string): Promise<boolean> {
    return this.askAboutCall(
      call,
      token,
      HELP_CALL_ROUTES.read.method,
      helpCallUrl(call.id),
      async (problem) => {
        // The server no longer knows the call (e.g. restored from a backup): staff cannot see it.
        await recordRefused(this.db, call.id, { problem, maybeOnServer: true });
      },
    );
  }

  /**
   * A request about a call the server may already have (cancel it, read its status). Every
   * answer is handled alike but a refusal, which means something different for each.
   * Returns whether the server answered at all.
   */
  private async askAboutCall(
    call: OutboxHelpCall,
    token: string,
    method: string,
    url: string,
    onRefused: (problem: OutboxProblem) => Promise<void>,
  ): Promise<boolean> {
    const answer = await this.request(method, url, token);
    if (answer.kind === 'no-answer') {
      await this.retryLater(call, this.problem('network', null, answer.message), null);
      return false;
    }
    const { code, message } = problemOf(answer.body, answer.status);
    switch (verdictFor(answer.status, code)) {
      case 'accepted':
        await this.storeAnswer(call, answer);
        return true;
      case 'retry':
        await this.retryLater(
          call,
          this.problem(answer.status === 429 ? 'rate-limited' : 'server', answer.status, message),
          answer.retryAfter,
        );
        return true;
      case 'device':
        await this.pauseForPairing(call, token, code, message);
        return true;
      case 'refused':
        await onRefused(this.problem('refused', answer.status, message));
        return true;
    }
  }

  /** A 2xx about the call: the HelpCall it carries says what staff did. */
  private async storeAnswer(call: OutboxHelpCall, answer: Answer & { kind: 'answer' }) {
    const parsed = checkHelpCall(answer.body);
    if (!parsed.ok || parsed.value.id.toLowerCase() !== call.id.toLowerCase()) {
      // E.g. a captive portal's page with a 200: that is not the server saying it has the call.
      await this.retryLater(
        call,
        this.problem('unexpected-answer', answer.status, 'The answer was not this help call.'),
        null,
      );
      return;
    }
    const now = this.now();
    const pollIn = this.policy.pollIntervalMs * (0.9 + 0.2 * this.random());
    await recordServerAnswer(this.db, call.id, {
      status: parsed.value.status,
      now,
      nextAttemptAt: now + pollIn,
    });
  }

  private async retryLater(
    call: OutboxHelpCall,
    problem: OutboxProblem,
    retryAfterHeader: string | null,
    maybeOnServer?: boolean,
  ) {
    const now = this.now();
    const retryAfter = parseRetryAfter(retryAfterHeader, now);
    let delay = retryDelay(call.failures + 1, retryAfter, this.random, this.policy);
    // An open call's status is not checked more often than every poll interval, failing or not.
    if (nextActionFor(call) === 'check-status') delay = Math.max(delay, this.policy.pollIntervalMs);
    await recordFailure(this.db, call.id, {
      problem,
      nextAttemptAt: now + delay,
      ...(maybeOnServer === undefined ? {} : { maybeOnServer }),
    });
  }

  private async pauseForPairing(
    call: OutboxHelpCall,
    token: string,
    code: DeviceProblemCode | null,
    message: string,
    maybeOnServer?: boolean,
  ) {
    this.refusedToken = token;
    await recordFailure(this.db, call.id, {
      problem: this.problem('device', 401, message),
      // No backoff: the call goes as soon as there is a token the server accepts.
      nextAttemptAt: this.now(),
      ...(maybeOnServer === undefined ? {} : { maybeOnServer }),
    });
    try {
      await this.onDeviceProblem({ code: code ?? 'device-not-paired', token });
    } catch {
      // Flagging the device is for the screens; the calls are safe either way.
    }
  }

  private problem(kind: OutboxProblem['kind'], status: number | null, message: string) {
    return { kind, status, message, at: this.now() };
  }

  private async request(
    method: string,
    path: string,
    token: string,
    { body }: { body?: unknown } = {},
  ): Promise<Answer> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`No answer within ${this.policy.requestTimeoutMs} ms.`));
      }, this.policy.requestTimeoutMs);
    });
    try {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await Promise.race([
        this.fetchImpl(`${this.baseUrl}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          cache: 'no-store',
          // A redirect is never the API answering (a captive portal, a login page): no answer.
          redirect: 'error',
          signal: controller.signal,
        }),
        timeout,
      ]);
      const text = await Promise.race([response.text(), timeout]);
      return {
        kind: 'answer',
        status: response.status,
        body: parseJson(text),
        retryAfter: response.headers.get('Retry-After'),
      };
    } catch (error) {
      return { kind: 'no-answer', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** The device problem code and the server's sentence, when the body is an API problem. */
function problemOf(
  body: unknown,
  status: number,
): { code: DeviceProblemCode | null; message: string } {
  const parsed = checkDeviceProblem(body);
  if (!parsed.ok) return { code: null, message: `The server answered ${status}.` };
  return { code: parsed.value.code ?? null, message: parsed.value.message };
}
