import { describe, expect, it } from 'vitest';
import { ApiProblem, ContentSnapshot, Health } from '../../src/shared/api/contract.ts';
import { DEMO_BRANCH } from '../../src/server/seed/seed-database.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import { FIXTURE_SVG, startTestApp } from './helpers.ts';
import packageJson from '../../package.json' with { type: 'json' };

describe('GET /api/health', () => {
  it('answers ok with the version from package.json', async () => {
    const { app } = await startTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(Health.parse(response.json())).toEqual({ status: 'ok', version: packageJson.version });
  });
});

describe('GET /api/content', () => {
  it('sends the default branch snapshot, valid against the shared contract', async () => {
    const { app } = await startTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/content' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');

    const snapshot = ContentSnapshot.parse(response.json());
    expect(snapshot.release).toBe(1);
    expect(snapshot.library).toEqual({ branchId: 1, ...DEMO_BRANCH });
    expect(snapshot.guides.map((guide) => guide.id)).toEqual(['test-open-bankid']);
    expect(snapshot.images).toEqual([
      {
        id: 'test-phone',
        sha256: sha256Hex(FIXTURE_SVG),
        mimeType: 'image/svg+xml',
        size: Buffer.byteLength(FIXTURE_SVG),
      },
    ]);
  });

  it('leaves out images no guide shows', async () => {
    const { app, db } = await startTestApp();
    db.prepare(
      "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES ('unused', 'image/png', ?, x'00')",
    ).run('0'.repeat(64));
    const snapshot = ContentSnapshot.parse((await app.inject('/api/content')).json());
    expect(snapshot.images.map((image) => image.id)).toEqual(['test-phone']);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag when content changes', async () => {
    const { app, db } = await startTestApp();
    const first = await app.inject('/api/content');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]{43}"$/); // strong: no W/ prefix

    const again = await app.inject({ url: '/api/content', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const listed = await app.inject({
      url: '/api/content',
      headers: { 'if-none-match': `"older", W/${String(etag)}` },
    });
    expect(listed.statusCode).toBe(304);

    db.prepare("UPDATE branches SET transport_app = 'Skånetrafiken'").run();
    const changed = await app.inject({ url: '/api/content', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(ContentSnapshot.parse(changed.json()).library.transportApp).toBe('Skånetrafiken');
  });

  it('serves a branch named with ?branch=', async () => {
    const { app, db } = await startTestApp();
    db.prepare(
      "INSERT INTO branches (id, name, info_desk, transport_app) VALUES (2, 'Filialen', 'Disken', 'UL-appen')",
    ).run();
    const snapshot = ContentSnapshot.parse((await app.inject('/api/content?branch=2')).json());
    expect(snapshot.library.libraryName).toBe('Filialen');
  });

  it('answers 404 for a branch that does not exist', async () => {
    const { app } = await startTestApp();
    const response = await app.inject('/api/content?branch=7');
    expect(response.statusCode).toBe(404);
    expect(ApiProblem.parse(response.json())).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'There is no library branch with id 7.',
    });
  });

  it.each(['0', '-1', 'abc', '1.5', '', '1e2', '1&branch=2', '99999999999'])(
    'answers 400 to ?branch=%s',
    async (branch) => {
      const { app } = await startTestApp();
      const response = await app.inject(`/api/content?branch=${branch}`);
      expect(response.statusCode).toBe(400);
      const problem = ApiProblem.parse(response.json());
      expect(problem.message).toMatch(/^Bad query\. branch: /);
    },
  );
});
