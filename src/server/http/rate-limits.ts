/**
 * Rate limiting (@fastify/rate-limit, kept in memory). Nothing is limited
 * unless a route asks for it in its config; every 429 says in words how
 * long to wait, and carries Retry-After for programs.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

export async function registerRateLimiting(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
}

/** "45 seconds", "1 minute", "14 minutes": how long until the limit lifts. */
export function waitingTime(ttlMs: number): string {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
