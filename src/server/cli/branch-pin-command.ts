/** `lotsen branch pin BRANCH [--remove]`: the kiosk setup PIN, read from stdin. */
import { KioskSetupPinCode } from '../../shared/api/devices.ts';
import { setKioskSetupPin } from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { findBranchByIdOrName } from './device-command.ts';
import {
  CommandFailure,
  UsageError,
  parseCommandArgs,
  readAllStdin,
  type CliIo,
} from './cli-io.ts';

export async function setBranchPinCommand(args: string[], io: CliIo, db: () => Database) {
  const { values, positionals } = parseCommandArgs(args, { remove: { type: 'boolean' } });
  if (positionals.length !== 1) {
    throw new UsageError('Give the branch (its id or exact name): lotsen branch pin BRANCH');
  }
  const branch = findBranchByIdOrName(db(), positionals[0] ?? '');
  if (values.remove) {
    setKioskSetupPin(db(), branch.id, null);
    io.stdout.write(`The tablets of "${branch.name}" now open setup without a PIN.\n`);
    return;
  }
  if (io.stdin.isTTY)
    io.stderr.write(`Setup PIN for the tablets of ${branch.name}, then Enter and Ctrl-D:\n`);
  const pin = KioskSetupPinCode.safeParse(await readAllStdin(io));
  if (!pin.success) throw new CommandFailure(pin.error.issues[0]?.message ?? 'Not a PIN.');
  setKioskSetupPin(db(), branch.id, pin.data);
  io.stdout.write(
    `Set the setup PIN of "${branch.name}". Tablets learn it the next time they contact the server.\n`,
  );
}
