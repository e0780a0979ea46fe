/**
 * The one-time setup of a new Lotsen: while no account has the admin role,
 * anyone who reaches /admin may create the first admin, and is logged in as
 * them. After that the setup answers 409 for good.
 */
import type { FastifyInstance } from 'fastify';
import type { StaffSession } from '../../shared/api/accounts.ts';
import {
  ADMINISTRATION_API,
  FirstAdmin,
  type SetupStatus,
} from '../../shared/api/administration.ts';
import { sessionTokenOf, setSessionCookie } from '../accounts/session-cookie.ts';
import { startStaffSession } from '../accounts/staff-sessions.ts';
import {
  AccountChangeRefused,
  DuplicateEmailError,
  createFirstAdmin,
  hasAdmin,
} from '../accounts/staff-users.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { waitingTime } from '../http/rate-limits.ts';

/** As many tries as a login gets: the setup also checks nothing before it acts. */
const SETUP_ATTEMPTS = 10;
const SETUP_WINDOW_MS = 15 * 60 * 1000;

export function registerSetupRoutes(app: FastifyInstance, db: Database): void {
  app.get(ADMINISTRATION_API.setupStatus.path, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { needsFirstAdmin: !hasAdmin(db) } satisfies SetupStatus;
  });

  app.post(
    ADMINISTRATION_API.createFirstAdmin.path,
    {
      config: {
        rateLimit: {
          max: SETUP_ATTEMPTS,
          timeWindow: SETUP_WINDOW_MS,
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              `Too many setup attempts from this address. Wait ${waitingTime(context.ttl)} and try again.`,
            ),
        },
      },
    },
    async (request, reply) => {
      const account = parseRequestPart(FirstAdmin, request.body, 'first admin');
      let user;
      try {
        user = await createFirstAdmin(db, account);
      } catch (error) {
        if (error instanceof AccountChangeRefused || error instanceof DuplicateEmailError) {
          throw new ApiError(409, error.message);
        }
        throw error;
      }
      request.log.info(`The first admin, user ${user.id}, was created in the setup.`);
      // Logged in as login does it: a new session, replacing any the browser had.
      const { token } = startStaffSession(db, user.id, sessionTokenOf(request));
      setSessionCookie(request, reply, token);
      return reply.code(201).send({ user } satisfies StaffSession);
    },
  );
}
