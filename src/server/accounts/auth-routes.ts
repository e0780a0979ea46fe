/**
 * Logging staff in and out. A wrong email and a wrong password get the same
 * answer after the same work, so the login form does not reveal who has an
 * account.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ACCOUNTS_API, LoginRequest, type StaffSession } from '../../shared/api/accounts.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { waitingTime } from '../http/rate-limits.ts';
import {
  hashNeedsUpgrade,
  hashPassword,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from './password-hashing.ts';
import { LOG_IN_AGAIN, currentStaff } from './require-staff.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';
import { endStaffSession, startStaffSession } from './staff-sessions.ts';
import { findStaffLogin, replacePasswordHash } from './staff-users.ts';

export const WRONG_LOGIN = 'The email address or the password is wrong.';

const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Per address and email: one guesser cannot lock others out, nor guess one account fast. */
function loginAttemptKey(request: FastifyRequest): string {
  const body: unknown = request.body;
  const email =
    typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
      ? body.email.trim().toLowerCase()
      : '';
  return `${request.ip} ${email}`;
}

export function registerAuthRoutes(app: FastifyInstance, db: Database): void {
  app.post(
    ACCOUNTS_API.login.path,
    {
      config: {
        rateLimit: {
          max: LOGIN_ATTEMPTS,
          timeWindow: LOGIN_WINDOW_MS,
          // After body parsing, so the key can include the email.
          hook: 'preHandler',
          keyGenerator: loginAttemptKey,
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              `Too many login attempts for this email address. Wait ${waitingTime(context.ttl)} and try again.`,
            ),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = parseRequestPart(LoginRequest, request.body, 'login');
      const account = findStaffLogin(db, email);
      // Unknown emails are checked against a hash no password matches: the same scrypt work.
      const matches = await verifyPassword(password, account?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!account || !matches) throw new ApiError(401, WRONG_LOGIN);

      if (hashNeedsUpgrade(account.passwordHash)) {
        replacePasswordHash(db, account.id, await hashPassword(password));
      }
      const { token } = startStaffSession(db, account.id, sessionTokenOf(request));
      setSessionCookie(request, reply, token);
      const { passwordHash: _hash, ...user } = account;
      return { user } satisfies StaffSession;
    },
  );

  app.post(ACCOUNTS_API.logout.path, async (request, reply) => {
    const token = sessionTokenOf(request);
    if (token) endStaffSession(db, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.get(ACCOUNTS_API.me.path, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const user = currentStaff(db, request);
    if (!user) throw new ApiError(401, LOG_IN_AGAIN);
    return { user } satisfies StaffSession;
  });
}
