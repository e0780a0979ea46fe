/**
 * Composes the Lotsen server: security headers, error handling, the API and
 * the built PWA. It does not listen, so tests can call app.inject().
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { ServerOptions as HttpsOptions } from 'node:https';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './accounts/auth-routes.ts';
import { registerAdministrationRoutes } from './administration/administration-routes.ts';
import type { ServerConfig, TlsFiles } from './config.ts';
import type { Database } from './database/open-database.ts';
import { registerGuideEditingRoutes } from './guides/guide-editing-routes.ts';
import { registerAdminDeviceRoutes } from './devices/admin-device-routes.ts';
import { registerDeviceRoutes } from './devices/device-routes.ts';
import { HelpCallBus } from './help-calls/help-call-bus.ts';
import { registerHelpCallStream } from './help-calls/help-call-stream.ts';
import { registerStaffHelpCallRoutes } from './help-calls/staff-help-call-routes.ts';
import { registerTabletHelpCallRoutes } from './help-calls/tablet-help-call-routes.ts';
import { registerCrossSiteProtection } from './http/cross-site-protection.ts';
import { registerErrorHandling } from './http/error-handling.ts';
import { registerRateLimiting } from './http/rate-limits.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerApiNotFound } from './routes/api-not-found.ts';
import { registerClientApp } from './routes/client-app.ts';
import { registerContentRoutes } from './routes/content.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerImageRoutes } from './routes/images.ts';
import { registerImageUploadRoutes } from './images/image-upload-routes.ts';
import { registerAudioUploadRoutes } from './audio/audio-upload-routes.ts';
import { registerGuidePackRoutes } from './packs/pack-routes.ts';
import { registerPhoneGuidePage } from './phone/phone-guide-routes.ts';

export interface AppDependencies {
  config: ServerConfig;
  db: Database;
  /** Carries help call events to staff streams; tests pass one in to watch it. */
  helpCallBus?: HelpCallBus;
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

export async function buildApp({
  config,
  db,
  helpCallBus = new HelpCallBus(),
}: AppDependencies): Promise<FastifyInstance> {
  // An https.Server is an http.Server to the types, so one FastifyInstance type serves both.
  const options: FastifyHttpOptions<Server> & { https?: HttpsOptions } = {
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    ...(config.tls ? { https: readTls(config.tls) } : {}),
  };
  const app = Fastify(options);

  await registerSecurityHeaders(app, { servesTls: config.tls !== null });
  registerErrorHandling(app);
  await app.register(cookie);
  // Before any route (it attaches itself as routes are added). Quality 4: most of brotli's gain
  // for a fraction of its CPU. The help-call stream writes to the socket itself (hijack), so it
  // is never compressed or held back.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Before any route: the rate limiter attaches itself to routes as they are added.
  await registerRateLimiting(app);
  registerCrossSiteProtection(app);

  registerHealthRoutes(app);
  registerContentRoutes(app, db);
  registerImageRoutes(app, db);
  await registerImageUploadRoutes(app, db);
  await registerAudioUploadRoutes(app, db);
  await registerGuidePackRoutes(app, db);
  registerAuthRoutes(app, db);
  registerDeviceRoutes(app, db);
  registerAdminDeviceRoutes(app, db);
  registerGuideEditingRoutes(app, db);
  registerAdministrationRoutes(app, db);

  // One bus per server: what a tablet sends reaches the staff streams of this process.
  const bus = helpCallBus;
  registerTabletHelpCallRoutes(app, { db, bus, ratePerMinute: config.helpCallRateLimitPerMinute });
  registerStaffHelpCallRoutes(app, { db, bus });
  registerHelpCallStream(app, { db, bus, heartbeatMs: config.eventStreamHeartbeatMs });
  registerPhoneGuidePage(app, db);
  registerApiNotFound(app);
  await registerClientApp(app, config.clientDir);
  return app;
}
