/**
 * Route guard for staff pages: a preHandler that admits a logged-in user
 * with at least the given role, and `staffOf(request)` for the handler to
 * learn who it is.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { hasRole, type StaffRole, type StaffUser } from '../../shared/api/accounts.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError } from '../http/problems.ts';
import { sessionTokenOf } from './session-cookie.ts';
import { findStaffSession } from './staff-sessions.ts';

export const LOG_IN_AGAIN = 'You are not logged in, or your session has ended. Log in again.';

const loggedIn = new WeakMap<FastifyRequest, StaffUser>();

/** The logged-in user, or undefined; does not throw. */
export function currentStaff(db: Database, request: FastifyRequest): StaffUser | undefined {
  const token = sessionTokenOf(request);
  return token === undefined ? undefined : findStaffSession(db, token)?.user;
}

export function requireStaff(db: Database, minRole: StaffRole) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const user = currentStaff(db, request);
    if (!user) throw new ApiError(401, LOG_IN_AGAIN);
    if (!hasRole(user.role, minRole)) {
      throw new ApiError(
        403,
        `This needs the ${minRole} role${minRole === 'admin' ? '' : ' or above'}; ` +
          `you are logged in as ${user.role}. Ask an admin if you need it.`,
      );
    }
    loggedIn.set(request, user);
    done();
  };
}

/** Who requireStaff let in. Only for routes that have it as their preHandler. */
export function staffOf(request: FastifyRequest): StaffUser {
  const user = loggedIn.get(request);
  if (!user) throw new Error(`requireStaff did not run for ${request.method} ${request.url}.`);
  return user;
}
