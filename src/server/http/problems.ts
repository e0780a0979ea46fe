/**
 * Every error the API answers with is an ApiProblem: a status and a sentence
 * a person can act on. Routes throw ApiError; the central error handler in
 * http/error-handling.ts turns it into the response.
 */
import { STATUS_CODES } from 'node:http';
import type { ZodType } from 'zod';
import type { ApiProblem } from '../../shared/api/contract.ts';
import { describeProblems } from '../../shared/content/guide.ts';

export class ApiError extends Error {
  override name = 'ApiError';

  /**
   * `code` is for the client's code, not for people: e.g. "device-revoked"
   * tells the kiosk to go back to setup, whatever the message says.
   */
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function apiProblem(
  statusCode: number,
  message: string,
  code?: string,
): ApiProblem & { code?: string } {
  const problem = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  return code === undefined ? problem : { ...problem, code };
}

/** Parses part of a request (query, params) or throws a 400 that says what is wrong. */
export function parseRequestPart<Output>(
  schema: ZodType<Output>,
  value: unknown,
  part: string,
): Output {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(
      400,
      `Bad ${part}. ${describeProblems(parsed.error).replaceAll('\n', '; ')}`,
    );
  }
  return parsed.data;
}
