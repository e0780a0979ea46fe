import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { startTestApp } from './helpers.ts';

const INDEX = '<!doctype html><title>Lotsen</title><div id="root"></div>';
const CLIENT_FILES = {
  'index.html': INDEX,
  'assets/index-Bx3kQ9aZ.js': 'console.log("app");',
  'assets/index-C1d2e3f4.css': 'body{margin:0}',
  'sw.js': 'self.addEventListener("fetch", () => {});',
  'registerSW.js': '/* register */',
  'workbox-5a1b2c3d.js': '/* workbox */',
  'manifest.webmanifest': '{"name":"Lotsen"}',
  'icons/lotsen.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const APP_CSP =
  "default-src 'self';img-src 'self' blob: data:;media-src 'self' blob:;style-src 'self';" +
  "script-src 'self';" +
  "connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';" +
  "frame-ancestors 'none';form-action 'self'";

describe('the built PWA', () => {
  it('serves index.html at / with the app CSP and no HSTS on plain HTTP', async () => {
    const { app } = await startTestApp({ clientFiles: CLIENT_FILES });
    const response = await app.inject({ url: '/', headers: HTML });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(APP_CSP);
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets browsers keep hashed assets for good, and revalidate everything else', async () => {
    const { app } = await startTestApp({ clientFiles: CLIENT_FILES });
    const cacheControl = async (url: string) => {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      return response.headers['cache-control'];
    };
    const immutable = 'public, max-age=31536000, immutable';
    expect(await cacheControl('/assets/index-Bx3kQ9aZ.js')).toBe(immutable);
    expect(await cacheControl('/assets/index-C1d2e3f4.css')).toBe(immutable);
    for (const url of [
      '/index.html',
      '/sw.js',
      '/registerSW.js',
      '/workbox-5a1b2c3d.js',
      '/manifest.webmanifest',
      '/icons/lotsen.svg',
    ]) {
      expect(await cacheControl(url), url).toBe('no-cache');
    }
    expect((await app.inject('/assets/index-Bx3kQ9aZ.js')).headers['content-type']).toMatch(
      /javascript/,
    );
  });

  it("sends the build's brotli or gzip copy to a browser that takes it, and plain bytes otherwise", async () => {
    const script = 'console.log("the kiosk");'.repeat(100);
    // Marked, to tell the build's copies from the server compressing on the fly.
    const built = (text: string) => `${text}\n// the build's copy`;
    const { app } = await startTestApp({
      clientFiles: {
        ...CLIENT_FILES,
        'index.html.br': brotliCompressSync(built(INDEX)),
        'assets/app-D4e5f6g7.js': script,
        'assets/app-D4e5f6g7.js.br': brotliCompressSync(built(script)),
        'assets/app-D4e5f6g7.js.gz': gzipSync(built(script)),
      },
    });
    const get = (url: string, acceptEncoding: string) =>
      app.inject({ url, headers: { ...HTML, 'accept-encoding': acceptEncoding } });

    const brotli = await get('/assets/app-D4e5f6g7.js', 'gzip, deflate, br, zstd');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(built(script));

    const gzip = await get('/assets/app-D4e5f6g7.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(built(script));

    const plain = await get('/assets/app-D4e5f6g7.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    // A page the app routes itself gets index.html's copy too.
    const page = await get('/staff', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(built(INDEX));
  });

  it.each(['/staff', '/admin/guides/install-bankid', '/?pair=ABC123'])(
    'answers a page address the app routes itself (%s) with index.html',
    async (url) => {
      const { app } = await startTestApp({ clientFiles: CLIENT_FILES });
      const response = await app.inject({ url, headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it.each([
    { method: 'GET' as const, url: '/api/x', headers: HTML },
    { method: 'GET' as const, url: '/api', headers: HTML },
    { method: 'GET' as const, url: '/missing.js', headers: { accept: '*/*' } },
    { method: 'GET' as const, url: '/assets/gone-123.js', headers: { accept: '*/*' } },
    { method: 'POST' as const, url: '/staff', headers: HTML },
  ])('does not answer $method $url with index.html but with a JSON 404', async (request) => {
    const { app } = await startTestApp({ clientFiles: CLIENT_FILES });
    const response = await app.inject(request);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(ApiProblem.parse(response.json()).statusCode).toBe(404);
  });
});

describe('without a built PWA', () => {
  it.each(['/', '/staff'])('answers %s with 503 and what to do', async (url) => {
    const { app } = await startTestApp();
    const response = await app.inject({ url, headers: HTML });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toMatch(/npm run build/);
  });

  it('still serves the API', async () => {
    const { app } = await startTestApp();
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect((await app.inject('/api/content')).statusCode).toBe(200);
  });
});
