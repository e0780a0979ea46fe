/** Admins manage the library's branches: their kiosk settings and the tablets' setup PIN. */
import type { FastifyInstance } from 'fastify';
import {
  ADMINISTRATION_API,
  BranchSetupPinChange,
  LibraryBranchChange,
  NewLibraryBranch,
  type LibraryBranch,
  type LibraryBranchList,
} from '../../shared/api/administration.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import {
  DuplicateBranchNameError,
  changeBranch,
  createBranch,
  findBranchDetails,
  listBranchDetails,
  setKioskSetupPin,
} from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { found, recordId } from './record-id.ts';

const branchId = (params: unknown) => recordId(params, '/api/admin/branches/2');
const noSuchBranch = (id: number) => `library branch with id ${id}`;

function withFreeName<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof DuplicateBranchNameError) throw new ApiError(409, error.message);
    throw error;
  }
}

export function registerBranchRoutes(app: FastifyInstance, db: Database): void {
  const admin = { preHandler: requireStaff(db, 'admin') };

  app.get(ADMINISTRATION_API.listBranches.path, admin, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { branches: listBranchDetails(db) } satisfies LibraryBranchList;
  });

  app.post(ADMINISTRATION_API.createBranch.path, admin, async (request, reply) => {
    const branch = parseRequestPart(NewLibraryBranch, request.body, 'branch');
    const created = withFreeName(() => createBranch(db, branch));
    request.log.info(`${staffOf(request).email} added branch ${created.id}.`);
    return reply.code(201).send(created satisfies LibraryBranch);
  });

  app.patch(ADMINISTRATION_API.changeBranch.path, admin, (request) => {
    const id = branchId(request.params);
    const change = parseRequestPart(LibraryBranchChange, request.body, 'branch change');
    const changed = withFreeName(() => changeBranch(db, id, change));
    return found(changed, noSuchBranch(id)) satisfies LibraryBranch;
  });

  app.put(ADMINISTRATION_API.setBranchPin.path, admin, (request) => {
    const id = branchId(request.params);
    const { pin } = parseRequestPart(BranchSetupPinChange, request.body, 'setup PIN');
    found(findBranchDetails(db, id), noSuchBranch(id));
    // The same hashing as `lotsen branch pin`: tablets learn it at their next GET /api/devices/me.
    setKioskSetupPin(db, id, pin);
    request.log.info(
      `${staffOf(request).email} ${pin === null ? 'removed' : 'set'} the setup PIN of branch ${id}.`,
    );
    return found(findBranchDetails(db, id), noSuchBranch(id)) satisfies LibraryBranch;
  });
}
