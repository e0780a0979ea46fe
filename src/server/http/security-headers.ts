/**
 * Security headers for every response. The CSP allows only what the built
 * PWA loads from its own origin; React's style={{...}} props are set through
 * the DOM, which CSP does not block, so no 'unsafe-inline' is needed.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const APP_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  // Read-aloud recordings play offline from the tablet's own copy, a blob: URL.
  mediaSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** For served SVGs: styles inside the picture work, scripts and links never run. */
export const SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export async function registerSecurityHeaders(
  app: FastifyInstance,
  { servesTls }: { servesTls: boolean },
): Promise<void> {
  await app.register(helmet, {
    // No helmet defaults: upgrade-insecure-requests would break a LAN server on plain HTTP.
    contentSecurityPolicy: { useDefaults: false, directives: APP_CONTENT_SECURITY_POLICY },
    // Behind a TLS proxy, HSTS is the proxy's to send; on plain HTTP it would be wrong.
    strictTransportSecurity: servesTls ? { maxAge: 15552000, includeSubDomains: false } : false,
  });
}
