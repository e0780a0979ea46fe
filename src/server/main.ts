/**
 * Starts the Lotsen server: `npx tsx src/server/main.ts` in development,
 * `node dist/server/main.js` after `npm run build`. Settings come from the
 * environment (see config.ts).
 */
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseTooNewError } from './database/migrate.ts';
import { startServer } from './start-server.ts';

async function main(): Promise<void> {
  const server = await startServer(loadConfig(process.env));
  server.app.log.info(`Lotsen is running at ${server.url}`);

  let closing = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    server.app.log.info(`${signal} received, closing Lotsen.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Lotsen did not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  // Settings and database problems are the operator's to fix: show the message, not a stack.
  if (error instanceof ConfigError || error instanceof DatabaseTooNewError) {
    console.error(error.message);
  } else {
    console.error('Lotsen could not start:', error);
  }
  process.exitCode = 1;
});
