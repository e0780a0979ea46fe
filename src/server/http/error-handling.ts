/**
 * One place decides what a failed request answers. Bad input is always a 4xx
 * with a readable message; anything else is a 500 that is logged in full but
 * tells the client nothing about the server's insides.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError, apiProblem } from './problems.ts';

/** Fastify's own errors for bad requests (unparsable JSON, too large a body, ...) carry a 4xx. */
function clientErrorStatus(error: unknown): number | undefined {
  if (error instanceof ApiError) return error.statusCode;
  if (!(error instanceof Error) || !('statusCode' in error)) return undefined;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const status = clientErrorStatus(error);
    if (status !== undefined && error instanceof Error) {
      // The client's mistake, not the server's: no stack trace in the log.
      request.log.debug(`Answered ${status}: ${error.message}`);
      const code = error instanceof ApiError ? error.code : undefined;
      return reply.code(status).send(apiProblem(status, error.message, code));
    }
    request.log.error({ err: error }, 'Request failed');
    return reply
      .code(500)
      .send(
        apiProblem(
          500,
          'Something went wrong in the Lotsen server. It has been logged; please try again.',
        ),
      );
  });
}
