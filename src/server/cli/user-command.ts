/** `lotsen user add EMAIL --role admin|editor|staff`, password on stdin. */
import { STAFF_ROLES, StaffEmail, StaffRole } from '../../shared/api/accounts.ts';
import {
  DuplicateEmailError,
  WeakPasswordError,
  createStaffUser,
} from '../accounts/staff-users.ts';
import type { Database } from '../database/open-database.ts';
import {
  CommandFailure,
  UsageError,
  parseCommandArgs,
  readAllStdin,
  type CliIo,
} from './cli-io.ts';

/** As the usage text lists them. */
const ROLES_HIGHEST_FIRST = [...STAFF_ROLES].reverse().join('|');

export async function addUserCommand(args: string[], io: CliIo, db: () => Database) {
  const { values, positionals } = parseCommandArgs(args, { role: { type: 'string' } });
  if (positionals.length !== 1) {
    throw new UsageError('Give exactly one email address: lotsen user add EMAIL --role ROLE');
  }
  const email = StaffEmail.safeParse(positionals[0]);
  if (!email.success) throw new UsageError(`"${positionals[0]}" is not an email address.`);
  if (values.role === undefined) {
    throw new UsageError(`Say which role the account has: --role ${ROLES_HIGHEST_FIRST}`);
  }
  const role = StaffRole.safeParse(values.role);
  if (!role.success) {
    throw new UsageError(
      `There is no role "${values.role}". Use one of: ${STAFF_ROLES.join(', ')}.`,
    );
  }

  // Never as an argument: arguments end up in shell history and process lists.
  if (io.stdin.isTTY) io.stderr.write(`Password for ${email.data}, then Enter and Ctrl-D:\n`);
  const password = await readAllStdin(io);
  try {
    const user = await createStaffUser(db(), { email: email.data, password, role: role.data });
    io.stdout.write(`Added ${user.email} as ${user.role} (user ${user.id}).\n`);
  } catch (error) {
    if (error instanceof WeakPasswordError) {
      throw new CommandFailure(`${error.message} Nothing was added.`, { cause: error });
    }
    if (error instanceof DuplicateEmailError)
      throw new CommandFailure(error.message, { cause: error });
    throw error;
  }
}
