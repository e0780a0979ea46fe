import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/problems.ts';

export const API_CATCH_ALL = '/api/*';

/** An unknown /api address is a JSON 404, never the app's index.html. */
export function registerApiNotFound(app: FastifyInstance): void {
  app.all(API_CATCH_ALL, (request) => {
    throw new ApiError(
      404,
      `There is no API at ${request.method} ${request.url.replace(/\?.*$/s, '')}.`,
    );
  });
}
