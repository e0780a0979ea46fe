/**
 * `lotsen`, the operator's command line: accounts, branches and tablets
 * without a web page, e.g. the first admin. It uses the database in
 * DATA_DIR, like the server (migrating it if needed, never seeding it).
 * Returns the exit code: 0 done, 1 failed, 2 called wrongly.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseTooNewError } from '../database/migrate.ts';
import { openDatabase, type Database } from '../database/open-database.ts';
import { addBranchCommand } from './branch-command.ts';
import { setBranchPinCommand } from './branch-pin-command.ts';
import { CommandFailure, UsageError, type CliIo } from './cli-io.ts';
import { addDeviceCommand } from './device-command.ts';
import { addUserCommand } from './user-command.ts';

export const USAGE = `Usage: lotsen COMMAND

  lotsen user add EMAIL --role admin|editor|staff
      Adds a staff account. The password (12 to 1024 characters) is read from
      stdin, e.g.  lotsen user add anna@bibliotek.se --role admin < password.txt
  lotsen branch add NAME [--info-desk TEXT] [--transport-app NAME] [--fallback-language sv]
      Adds a library branch. Guides show the info desk and transport app by name.
  lotsen branch pin BRANCH [--remove]
      Sets the PIN (4 to 8 digits, read from stdin) that staff type on a tablet
      after the hidden setup gesture; --remove lets setup open without one.
  lotsen device add NAME --branch BRANCH [--location TEXT]
      Adds a tablet to a branch (its id or exact name) and prints its pairing
      code on the last line. The code works once, for 15 minutes.
  lotsen help
      Shows this.

Uses the database in DATA_DIR (default ./data), like the server.
`;

type Command = (args: string[], io: CliIo, db: () => Database) => Promise<void> | void;

const COMMANDS: Record<string, Command> = {
  'user add': addUserCommand,
  'branch add': addBranchCommand,
  'branch pin': setBranchPinCommand,
  'device add': addDeviceCommand,
};

export async function runLotsenCli(args: string[], io: CliIo): Promise<number> {
  const [first, second, ...rest] = args;
  if (first === 'help' || first === '--help' || first === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }

  let db: Database | undefined;
  // Opened only when a command needs it, so a mistyped command touches no files.
  const openDb = () => {
    db ??= openDatabase(loadConfig(io.env, io.cwd).dataDir);
    return db;
  };
  try {
    const command = COMMANDS[`${first ?? ''} ${second ?? ''}`];
    if (!command) {
      throw new UsageError(
        first === undefined
          ? 'Say what to do.'
          : `Unknown command "${[first, second].filter(Boolean).join(' ')}".`,
      );
    }
    await command(rest, io, openDb);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      error instanceof CommandFailure ||
      error instanceof ConfigError ||
      error instanceof DatabaseTooNewError
    ) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(
      `Lotsen could not do that: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    db?.close();
  }
}
