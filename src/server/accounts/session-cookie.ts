/** The staff session cookie: httpOnly, so no script (and no injected script) can read it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_LIFETIME_MS } from './staff-sessions.ts';

export const SESSION_COOKIE = 'lotsen_session';

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    // request.protocol follows X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
    secure: request.protocol === 'https',
  };
}

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  // Max-Age matches the session's lifetime, so closing the browser does not log a desk out.
  reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(request),
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
