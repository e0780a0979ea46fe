import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './problems.ts';

/**
 * Makes a plugin scope take request bodies of these content types only, up
 * to `maxBytes`, read whole as a Buffer or a string; any other body is
 * refused before it is read (415), and one over the limit gets 413. Both
 * with the caller's words, as Fastify's own name no format and no limit.
 * For the upload routes (pictures, recordings, guide packs), each in a scope
 * of its own so no other route takes such bodies.
 */
export function acceptOnlyBodies(
  scope: FastifyInstance,
  options: {
    types: readonly string[];
    parseAs: 'buffer' | 'string';
    maxBytes: number;
    /** Why a body of another type is refused, and what to do instead. */
    unsupported: string;
    /** Why a body over the limit is refused, and what to do instead. */
    tooLarge: string;
  },
): void {
  const { types, parseAs, maxBytes, unsupported, tooLarge } = options;
  for (const type of types) {
    if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
  }
  scope.addContentTypeParser(
    [...types],
    { parseAs, bodyLimit: maxBytes },
    (_request, body, parsed) => {
      parsed(null, body);
    },
  );
  scope.addContentTypeParser('*', (_request, _payload, parsed) => {
    parsed(new ApiError(415, unsupported));
  });
  scope.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new ApiError(413, tooLarge);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw new ApiError(415, unsupported);
    throw error;
  });
}
