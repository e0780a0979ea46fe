/**
 * When the outbox tries again, as pure functions: exponential backoff with
 * full jitter, so a library's tablets coming back online at the same second
 * do not all knock on the server at once, and Retry-After honoured.
 */

export interface RetryPolicy {
  /** The ceiling of the first retry's delay; it doubles with each failure in a row. */
  baseDelayMs: number;
  /** The ceiling never grows past this: a call waits at most this long between tries. */
  maxDelayMs: number;
  /** The least delay, so a retry never spins. */
  minDelayMs: number;
  /** A Retry-After longer than this is not believed (a broken proxy must not park a call for a day). */
  maxRetryAfterMs: number;
  /** How often an open call's status is checked, while staff are on their way. */
  pollIntervalMs: number;
  /** A request without an answer by then counts as a network failure. */
  requestTimeoutMs: number;
}

export const RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  minDelayMs: 250,
  maxRetryAfterMs: 5 * 60_000,
  pollIntervalMs: 4_000,
  requestTimeoutMs: 15_000,
};

/**
 * The wait before the next try after `failures` failures in a row (1 or more):
 * uniformly random between minDelayMs and min(maxDelayMs, baseDelayMs × 2^(failures−1)).
 */
export function backoffDelay(
  failures: number,
  random: () => number,
  policy: RetryPolicy = RETRY_POLICY,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.max(
    policy.minDelayMs,
    Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent),
  );
  const share = Math.min(Math.max(random(), 0), 1);
  return Math.round(policy.minDelayMs + share * (ceiling - policy.minDelayMs));
}

/** Retry-After in milliseconds from `now` (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before the next try: the backoff, but never sooner than the server asked. */
export function retryDelay(
  failures: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: RetryPolicy = RETRY_POLICY,
): number {
  const backoff = backoffDelay(failures, random, policy);
  if (retryAfterMs === null) return backoff;
  return Math.max(backoff, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/**
 * What an answer means for a call:
 * - accepted: the server has it (2xx);
 * - retry: try again later (408, 429, 5xx, or a 401 that is not about the tablet, e.g. from a proxy);
 * - device: the tablet is not (or no longer) paired: wait for pairing, do not retry;
 * - refused: the server will never take it (any other 4xx).
 */
export type AnswerVerdict = 'accepted' | 'retry' | 'device' | 'refused';

export function verdictFor(status: number, deviceProblemCode: string | null): AnswerVerdict {
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 401) return deviceProblemCode === null ? 'retry' : 'device';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'refused';
  // 1xx and 3xx do not reach here in practice (fetch follows or refuses redirects): try again.
  return 'retry';
}
