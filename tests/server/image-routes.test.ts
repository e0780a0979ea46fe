import { describe, expect, it } from 'vitest';
import { ApiProblem, imageUrl } from '../../src/shared/api/contract.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import { FIXTURE_SVG, startTestApp } from './helpers.ts';

const image = { id: 'test-phone', sha256: sha256Hex(FIXTURE_SVG) };

describe('GET /api/images/:id', () => {
  it('sends the bytes, immutable when ?v= is the current hash, and locked down as SVG', async () => {
    const { app } = await startTestApp();
    const response = await app.inject(imageUrl(image));
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(FIXTURE_SVG);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers.etag).toBe(`"${image.sha256}"`);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/api/images/test-phone', `/api/images/test-phone?v=${'0'.repeat(64)}`])(
    'asks to revalidate when the version is missing or old: %s',
    async (url) => {
      const { app } = await startTestApp();
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('answers 304 to a matching If-None-Match', async () => {
    const { app } = await startTestApp();
    const response = await app.inject({
      url: '/api/images/test-phone',
      headers: { 'if-none-match': `"${image.sha256}"` },
    });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
  });

  it.each(['no-such-image', '..%2F..%2Fetc%2Fpasswd', 'Test-Phone'])(
    'answers a JSON 404 for an unknown id: %s',
    async (id) => {
      const { app } = await startTestApp();
      const response = await app.inject(`/api/images/${id}`);
      expect(response.statusCode).toBe(404);
      expect(ApiProblem.parse(response.json()).error).toBe('Not Found');
    },
  );

  it('sends other image types with their own content type and no SVG policy', async () => {
    const { app, db } = await startTestApp();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    db.prepare(
      "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES ('photo', 'image/png', ?, ?)",
    ).run(sha256Hex(png), png);
    const response = await app.inject('/api/images/photo');
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload).toEqual(png);
    expect(response.headers['content-security-policy']).not.toContain('sandbox');
  });
});
