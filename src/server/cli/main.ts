/**
 * The operator's command line: `npx lotsen help` (bin/lotsen.mjs runs the
 * built dist/server/cli.js), or `npx tsx src/server/cli/main.ts help`.
 */
import { runLotsenCli } from './run-cli.ts';

runLotsenCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('Lotsen could not run the command:', error);
    process.exitCode = 1;
  },
);
