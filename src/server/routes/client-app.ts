/**
 * Serves the built PWA. Hashed files under /assets never change, so browsers
 * keep them for a year; everything else (index.html, sw.js, the manifest)
 * must be revalidated, or a kiosk could hold on to an old app shell forever.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/problems.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT =
  'The Lotsen app has not been built yet. Run "npm run build" and restart the server. ' +
  '(The API under /api works already.)\n';

const isApiPath = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** A browser navigating to a page, as opposed to a script or fetch() asking for data. */
const isPageRequest = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !isApiPath(request.url) &&
  (request.headers.accept ?? '').includes('text/html');

export async function registerClientApp(app: FastifyInstance, clientDir: string): Promise<void> {
  // Checked once at start: after "npm run build", restart the server to serve the app.
  const built = existsSync(join(clientDir, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root: clientDir,
      // The build writes each text file also as .br and .gz (vite.config.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      redirect: false,
      setHeaders: (response, path) => {
        const hashed = relative(clientDir, path).startsWith(`assets${sep}`);
        response.setHeader('cache-control', hashed ? IMMUTABLE : 'no-cache');
        // The same address answers brotli, gzip or plain bytes, by what the browser accepts.
        response.setHeader('vary', 'accept-encoding');
      },
    });
  } else {
    app.get('/', async (_request, reply) => notBuilt(reply));
  }

  // Pages such as /staff, /admin or /?pair=... exist only in the app's router: answer with index.html.
  app.setNotFoundHandler(async (request, reply) => {
    if (!isPageRequest(request)) {
      throw new ApiError(
        404,
        `There is nothing at ${request.method} ${request.url.replace(/\?.*$/s, '')}.`,
      );
    }
    if (!built) return notBuilt(reply);
    return reply.code(200).sendFile('index.html');
  });
}

function notBuilt(reply: FastifyReply) {
  return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
}
