/**
 * Cross-site request forgery protection for the whole API, in one hook: a
 * request that changes something must show it comes from Lotsen's own pages
 * (Origin is this server, or Sec-Fetch-Site says same-origin). Browsers set
 * both headers themselves and pages cannot fake them. A device's Bearer
 * token is exempt: a browser never attaches it on its own, and another site
 * cannot add it without a CORS preflight, which Lotsen never allows.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_CATCH_ALL } from '../routes/api-not-found.ts';
import { ApiError } from './problems.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CROSS_SITE_REFUSED =
  "Cross-site request refused. (If this came from Lotsen's own page behind a reverse proxy, " +
  'the proxy must pass on the Host header and TRUST_PROXY must be set.)';

const isApiPath = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export function hasBearerToken(request: FastifyRequest): boolean {
  return /^Bearer\s/i.test(request.headers.authorization ?? '');
}

/** This server's origin as the browser sees it; protocol and host honour TRUST_PROXY. */
export function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    // URL drops default ports and lower-cases the host, as browsers do in Origin.
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

function comesFromOwnPage(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== 'null' && origin.toLowerCase() === ownOrigin(request);
}

function needsNoProof(request: FastifyRequest): boolean {
  return (
    !STATE_CHANGING.has(request.method) ||
    !isApiPath(request.url) ||
    // An unknown address changes nothing; it keeps answering its 404.
    request.routeOptions.url === API_CATCH_ALL ||
    hasBearerToken(request)
  );
}

export function registerCrossSiteProtection(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(
      needsNoProof(request) || comesFromOwnPage(request)
        ? undefined
        : new ApiError(403, CROSS_SITE_REFUSED),
    );
  });
}
