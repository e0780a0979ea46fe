/** The numeric id in an admin address such as /api/admin/users/3, or a 400 that shows the form. */
import { z } from 'zod';
import { ApiError, parseRequestPart } from '../http/problems.ts';

export function recordId(params: unknown, example: string): number {
  const IdParams = z.object({
    id: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, `Use the number, e.g. ${example}.`)
      .transform(Number),
  });
  return parseRequestPart(IdParams, params, 'address').id;
}

/** The record, or a 404 that names what was not found. */
export function found<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new ApiError(404, `There is no ${what}.`);
  return record;
}
