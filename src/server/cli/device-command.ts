/**
 * `lotsen device add NAME --branch BRANCH [--location TEXT]`. The pairing
 * code is printed alone on the last line, so a script can take it with
 * `tail -n 1`.
 */
import { KioskDeviceLocation, KioskDeviceName } from '../../shared/api/devices.ts';
import type { StaffBranch } from '../../shared/api/help-calls.ts';
import { findBranch, findBranchesByName, listBranches } from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { addKioskDeviceWithCode } from '../devices/device-pairing.ts';
import { CommandFailure, UsageError, parseCommandArgs, type CliIo } from './cli-io.ts';

/** BRANCH is a branch's id or its exact name. */
export function findBranchByIdOrName(db: Database, given: string): StaffBranch {
  const byId = /^\d+$/.test(given) ? findBranch(db, Number(given)) : undefined;
  if (byId) return byId;
  const byName = findBranchesByName(db, given);
  const [first] = byName;
  if (first && byName.length === 1) return first;
  if (byName.length > 1) {
    const ids = byName.map((branch) => branch.id).join(', ');
    throw new CommandFailure(
      `Several branches are called "${given}"; give the id instead: ${ids}.`,
    );
  }
  const known = listBranches(db).map((branch) => `${branch.id} "${branch.name}"`);
  throw new CommandFailure(
    `There is no branch "${given}". ` +
      (known.length > 0
        ? `The branches are: ${known.join(', ')}.`
        : 'There are no branches yet: add one with "lotsen branch add NAME".'),
  );
}

export function addDeviceCommand(args: string[], io: CliIo, db: () => Database) {
  const { values, positionals } = parseCommandArgs(args, {
    branch: { type: 'string' },
    location: { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new UsageError('Give the tablet name as one argument, in quotes if it has spaces.');
  }
  const name = KioskDeviceName.safeParse(positionals[0]);
  if (!name.success) throw new UsageError(name.error.issues.map((i) => i.message).join(' '));
  const location = KioskDeviceLocation.safeParse(values.location ?? '');
  if (!location.success) {
    throw new UsageError(`--location: ${location.error.issues.map((i) => i.message).join(' ')}`);
  }
  if (values.branch === undefined) {
    throw new UsageError('Say which branch the tablet is at: --branch BRANCH (its id or name).');
  }

  const branch = findBranchByIdOrName(db(), values.branch);
  const issued = addKioskDeviceWithCode(db(), {
    name: name.data,
    branchId: branch.id,
    location: location.data,
  });
  const where = issued.device.location ? `, ${issued.device.location}` : '';
  const until = new Date(issued.pairingExpiresAt);
  const localTime = until.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  io.stdout.write(
    `Added the tablet "${issued.device.name}" (device ${issued.device.id}) at ${branch.name}${where}.\n` +
      'Open Lotsen on the tablet and enter this pairing code. ' +
      `It works once, until ${localTime} (${issued.pairingExpiresAt}):\n` +
      `${issued.pairingCode}\n`,
  );
}
