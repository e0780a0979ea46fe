/** What staff do with help calls: see a branch's calls, say "I'm coming", mark them done. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  HELP_CALLS_API,
  type BranchHelpCalls,
  type StaffBranch,
  type StaffBranchList,
  type StaffHelpCall,
} from '../../shared/api/help-calls.ts';
import { requireStaff, staffOf } from '../accounts/require-staff.ts';
import { findBranch, listBranches } from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import type { HelpCallBus } from './help-call-bus.ts';
import { latestEventId, readBranchCalls } from './help-call-records.ts';
import { acknowledgeHelpCall, markHelpCallDone } from './help-call-transitions.ts';
import { callIdOf } from './tablet-help-call-routes.ts';

const BranchParams = z.object({
  branchId: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Use the branch number, e.g. /api/staff/branches/1/calls.')
    .transform(Number),
});

/** The branch named in the URL, or a 404. */
export function branchOf(db: Database, params: unknown): StaffBranch {
  const { branchId } = parseRequestPart(BranchParams, params, 'branch address');
  const branch = findBranch(db, branchId);
  if (!branch) throw new ApiError(404, `There is no library branch with id ${branchId}.`);
  return branch;
}

/** Midnight of the server's local day (set TZ, e.g. Europe/Stockholm, where the server runs). */
function startOfToday(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

const isOpen = (call: StaffHelpCall) => call.status === 'waiting' || call.status === 'acknowledged';

/** Open calls first, longest waiting first; then finished ones, newest first. */
function inStaffOrder(calls: StaffHelpCall[]): StaffHelpCall[] {
  const open = calls.filter(isOpen).sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  const finished = calls
    .filter((call) => !isOpen(call))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return [...open, ...finished];
}

export function registerStaffHelpCallRoutes(
  app: FastifyInstance,
  { db, bus }: { db: Database; bus: HelpCallBus },
): void {
  const staff = { preHandler: requireStaff(db, 'staff') };

  app.get(HELP_CALLS_API.branches.path, staff, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { branches: listBranches(db) } satisfies StaffBranchList;
  });

  app.get(HELP_CALLS_API.branchCalls.path, staff, async (request, reply) => {
    const branch = branchOf(db, request.params);
    // One read transaction: lastEventId matches exactly the calls listed.
    const answer = db.transaction((): BranchHelpCalls => ({
      branch,
      calls: inStaffOrder(readBranchCalls(db, branch.id, startOfToday(new Date()))),
      lastEventId: latestEventId(db, branch.id),
    }))();
    reply.header('cache-control', 'no-store');
    return answer;
  });

  app.post(HELP_CALLS_API.acknowledge.path, staff, (request) =>
    acknowledgeHelpCall(db, bus, { callId: callIdOf(request), staff: staffOf(request) }),
  );

  app.post(HELP_CALLS_API.done.path, staff, (request) =>
    markHelpCallDone(db, bus, { callId: callIdOf(request) }),
  );
}
