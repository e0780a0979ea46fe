import type { FastifyInstance } from 'fastify';
import { API, type Health } from '../../shared/api/contract.ts';
import { LOTSEN_VERSION } from '../version.ts';

/** For uptime checks and for the kiosk to tell the server is reachable. */
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get(API.health.path, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', version: LOTSEN_VERSION } satisfies Health;
  });
}
