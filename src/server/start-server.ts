/**
 * Opens the database, builds the app and listens: what main.ts does, as a
 * function, so a test can start the real thing on port 0.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase } from './database/open-database.ts';
import { seedDatabase } from './seed/seed-database.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** Where the server answers, e.g. "https://127.0.0.1:8443". */
  url: string;
  /**
   * Stops accepting requests, lets running ones finish, then closes the
   * database. Connections still open after `graceMs` are cut, so a client
   * that connected and never asked anything cannot hold a shutdown forever.
   */
  close: (graceMs?: number) => Promise<void>;
}

const CLOSE_GRACE_MS = 5_000;

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config, db });
    // onClose runs after Fastify stops serving, so no request meets a closed database.
    app.addHook('onClose', () => {
      db.close();
    });
    if (seedDatabase(db)) app.log.info('New database: added the demo branch and guides.');
    const url = await app.listen({ host: config.host, port: config.port });
    const running = app;
    const close = async (graceMs = CLOSE_GRACE_MS) => {
      const cut = setTimeout(() => {
        running.log.warn(`Connections still open ${graceMs} ms after closing began: cutting them.`);
        running.server.closeAllConnections();
      }, graceMs);
      try {
        await running.close();
      } finally {
        clearTimeout(cut);
      }
    };
    return { app: running, url, close };
  } catch (error) {
    // E.g. the port is taken: release what was opened so the error is all that remains.
    await app?.close();
    if (db.open) db.close();
    throw error;
  }
}
