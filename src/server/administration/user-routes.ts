/** Admins manage staff accounts: add, change role, reset a password, remove. */
import type { FastifyInstance } from 'fastify';
import {
  ADMINISTRATION_API,
  NewStaffAccount,
  PasswordReset,
  StaffRoleChange,
  type StaffAccount,
  type StaffAccountList,
} from '../../shared/api/administration.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import {
  AccountChangeRefused,
  DuplicateEmailError,
  changeStaffRole,
  createStaffUser,
  findStaffAccount,
  listStaffAccounts,
  removeStaffUser,
  resetStaffPassword,
} from '../accounts/staff-users.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { found, recordId } from './record-id.ts';

const userId = (params: unknown) => recordId(params, '/api/admin/users/3');
const noSuchUser = (id: number) => `staff account with id ${id}`;

/** The reasons an account change is refused are conflicts with the current state: 409. */
async function asConflict<T>(change: () => T | Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof AccountChangeRefused || error instanceof DuplicateEmailError) {
      throw new ApiError(409, error.message);
    }
    throw error;
  }
}

export function registerUserRoutes(app: FastifyInstance, db: Database): void {
  const admin = { preHandler: requireStaff(db, 'admin') };

  app.get(ADMINISTRATION_API.listUsers.path, admin, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { users: listStaffAccounts(db) } satisfies StaffAccountList;
  });

  app.post(ADMINISTRATION_API.createUser.path, admin, async (request, reply) => {
    const account = parseRequestPart(NewStaffAccount, request.body, 'account');
    const user = await asConflict(() => createStaffUser(db, account));
    request.log.info(`${staffOf(request).email} added user ${user.id} as ${user.role}.`);
    const created = found(findStaffAccount(db, user.id), noSuchUser(user.id));
    return reply.code(201).send(created satisfies StaffAccount);
  });

  app.patch(ADMINISTRATION_API.changeRole.path, admin, async (request) => {
    const id = userId(request.params);
    const { role } = parseRequestPart(StaffRoleChange, request.body, 'role change');
    const actor = staffOf(request);
    const account = await asConflict(() => changeStaffRole(db, id, role, actor.id));
    request.log.info(`${actor.email} gave user ${id} the role ${role}.`);
    return found(account, noSuchUser(id)) satisfies StaffAccount;
  });

  app.post(ADMINISTRATION_API.resetPassword.path, admin, async (request) => {
    const id = userId(request.params);
    const { password } = parseRequestPart(PasswordReset, request.body, 'password reset');
    const account = found(await resetStaffPassword(db, id, password), noSuchUser(id));
    request.log.info(`${staffOf(request).email} reset the password of user ${id}.`);
    return account satisfies StaffAccount;
  });

  app.delete(ADMINISTRATION_API.removeUser.path, admin, async (request, reply) => {
    const id = userId(request.params);
    const actor = staffOf(request);
    const removed = await asConflict(() => removeStaffUser(db, id, actor.id));
    if (!removed) throw new ApiError(404, `There is no ${noSuchUser(id)}.`);
    request.log.info(`${actor.email} removed user ${id}.`);
    return reply.code(204).send();
  });
}
