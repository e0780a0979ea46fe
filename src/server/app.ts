/**
 * Composes the Lotsen server: security headers, error handling, the API and
 * the built PWA. It does not listen, so tests can call app.inject().
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { ServerOptions as HttpsOptions } from 'node:https';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { ServerConfig, TlsFiles } from './config.ts';
import type { Database } from './database/open-database.ts';
import { registerErrorHandling } from './http/error-handling.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerApiNotFound } from './routes/api-not-found.ts';
import { registerClientApp } from './routes/client-app.ts';
import { registerContentRoutes } from './routes/content.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerImageRoutes } from './routes/images.ts';

export interface AppDependencies {
  config: ServerConfig;
  db: Database;
}

function readTls(tls: TlsFiles): HttpsOptions {
  const read = (variable: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not read ${variable} (${file}): ${reason}`, { cause: error });
    }
  };
  return { cert: read('TLS_CERT_FILE', tls.certFile), key: read('TLS_KEY_FILE', tls.keyFile) };
}

export async function buildApp({ config, db }: AppDependencies): Promise<FastifyInstance> {
  // An https.Server is an http.Server to the types, so one FastifyInstance type serves both.
  const options: FastifyHttpOptions<Server> & { https?: HttpsOptions } = {
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    ...(config.tls ? { https: readTls(config.tls) } : {}),
  };
  const app = Fastify(options);

  await registerSecurityHeaders(app, { servesTls: config.tls !== null });
  registerErrorHandling(app);
  registerHealthRoutes(app);
  registerContentRoutes(app, db);
  registerImageRoutes(app, db);
  registerApiNotFound(app);
  await registerClientApp(app, config.clientDir);
  return app;
}
