import type { z } from 'zod';

/**
 * Which top-level fields of `value` the shared schema rejects. The schema's
 * own messages are English for the API; screens show their own, translated.
 */
export function invalidFields(schema: z.ZodType, value: unknown): Set<string> {
  const result = schema.safeParse(value);
  if (result.success) return new Set();
  return new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')));
}
