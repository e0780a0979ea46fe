import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ApiProblem, ContentRelease, Health } from '../../src/shared/api/contract.ts';
import { DEMO_BRANCH } from '../../src/server/seed/seed-database.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { FIXTURE_SVG, fixtureGuideJson, startTestApp } from './helpers.ts';
import { logInStaff, pairTablet } from './staff-and-tablets.ts';
import packageJson from '../../package.json' with { type: 'json' };

describe('GET /api/health', () => {
  it('answers ok with the version from package.json', async () => {
    const { app } = await startTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(Health.parse(response.json())).toEqual({ status: 'ok', version: packageJson.version });
  });
});

/** A picture of `size` bytes; only the bytes matter to the content route. */
function addImage(db: Database, id: string, size = 64): { id: string; sha256: string } {
  const bytes = Buffer.alloc(size, id);
  const sha256 = sha256Hex(bytes);
  db.prepare(
    "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, 'image/png', ?, ?)",
  ).run(id, sha256, bytes);
  return { id, sha256 };
}

/** A guide showing `imageId` in its one step, with a title that tells versions apart. */
function guideJson(id: string, imageId: string, title: string) {
  const base = fixtureGuideJson({ id, text: { sv: { title, summary: '' } } });
  const [step] = base.steps as [{ image: Record<string, unknown> }];
  return { ...base, steps: [{ ...step, image: { ...step.image, id: imageId } }] };
}

/**
 * What a publish leaves in the tables tablets read (the guide store does more,
 * for the editor): a new release, and the guide's row pointing at it.
 */
function publish(db: Database, document: Record<string, unknown>): number {
  const release = Number(
    db.prepare('INSERT INTO content_releases DEFAULT VALUES').run().lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO guides (id, document, release_id) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET document = excluded.document, release_id = excluded.release_id`,
  ).run(document.id, JSON.stringify(document), release);
  return release;
}

function unpublish(db: Database, id: string): number {
  const release = Number(
    db.prepare('INSERT INTO content_releases DEFAULT VALUES').run().lastInsertRowid,
  );
  db.prepare('DELETE FROM guides WHERE id = ?').run(id);
  return release;
}

describe('GET /api/content', () => {
  it('sends everything without ?since=, valid against the shared contract', async () => {
    const { app } = await startTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/content' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');

    const content = ContentRelease.parse(response.json());
    expect(content.release).toBe(1);
    expect(content.since).toBe(0);
    expect(content.library).toEqual({
      branchId: 1,
      ...DEMO_BRANCH,
      idleResetSeconds: 120,
      publicUrl: null,
    });
    expect(content.guideIds).toEqual(['test-open-bankid']);
    expect(content.guides.map((guide) => guide.id)).toEqual(['test-open-bankid']);
    expect(content.images).toEqual([
      {
        id: 'test-phone',
        sha256: sha256Hex(FIXTURE_SVG),
        mimeType: 'image/svg+xml',
        size: Buffer.byteLength(FIXTURE_SVG),
      },
    ]);
    // The stored document is sent as it is, not rewritten.
    expect(response.body).toContain(
      JSON.stringify(ContentRelease.parse(response.json()).guides[0]),
    );
  });

  it('leaves out images no guide shows', async () => {
    const { app, db } = await startTestApp();
    addImage(db, 'unused');
    const content = ContentRelease.parse((await app.inject('/api/content?since=0')).json());
    expect(content.images.map((image) => image.id)).toEqual(['test-phone']);
  });

  it('after one changed guide, ?since=<previous> sends only that guide and its pictures', async () => {
    const { app, db } = await startTestApp();
    const bus = addImage(db, 'bus-ticket');
    addImage(db, 'bus-ticket-new');
    publish(db, guideJson('buy-bus-ticket', bus.id, 'Köp en bussbiljett'));
    const previous = publish(db, guideJson('find-a-book', 'test-phone', 'Hitta en bok'));

    const changedRelease = publish(
      db,
      guideJson('buy-bus-ticket', 'bus-ticket-new', 'Köp en bussbiljett i appen'),
    );
    const response = await app.inject(`/api/content?since=${previous}`);
    expect(response.statusCode).toBe(200);
    const delta = ContentRelease.parse(response.json());
    expect(delta).toMatchObject({ release: changedRelease, since: previous });
    expect(delta.guides.map((guide) => [guide.id, guide.text.sv?.title])).toEqual([
      ['buy-bus-ticket', 'Köp en bussbiljett i appen'],
    ]);
    expect(delta.images.map((image) => image.id)).toEqual(['bus-ticket-new']);
    expect(delta.guideIds).toEqual(['buy-bus-ticket', 'find-a-book', 'test-open-bankid']);

    // Everything, for a tablet with nothing yet.
    const full = ContentRelease.parse((await app.inject('/api/content?since=0')).json());
    expect(full.guides.map((guide) => guide.id)).toEqual(full.guideIds);
    expect(full.images.map((image) => image.id)).toEqual(['bus-ticket-new', 'test-phone']);

    // A tablet that is up to date gets no guides, but still the whole list.
    const current = ContentRelease.parse(
      (await app.inject(`/api/content?since=${changedRelease}`)).json(),
    );
    expect(current.guides).toEqual([]);
    expect(current.images).toEqual([]);
    expect(current.guideIds).toHaveLength(3);
  });

  it('leaves an unpublished guide out of guideIds, so tablets remove it', async () => {
    const { app, db } = await startTestApp();
    const before = publish(db, guideJson('find-a-book', 'test-phone', 'Hitta en bok'));
    const release = unpublish(db, 'test-open-bankid');

    const delta = ContentRelease.parse((await app.inject(`/api/content?since=${before}`)).json());
    expect(delta.release).toBe(release);
    expect(delta.guideIds).toEqual(['find-a-book']);
    expect(delta.guides).toEqual([]);
  });

  it('sends everything, counted from 0, to a tablet whose release is newer than the server has', async () => {
    const { app } = await startTestApp(); // e.g. the server's database was replaced by a backup
    const response = await app.inject('/api/content?since=41');
    const content = ContentRelease.parse(response.json());
    expect(content).toMatchObject({ release: 1, since: 0, guideIds: ['test-open-bankid'] });
    expect(content.guides.map((guide) => guide.id)).toEqual(['test-open-bankid']);
    expect(response.headers.etag).toBe((await app.inject('/api/content?since=0')).headers.etag);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag when content changes', async () => {
    const { app, db } = await startTestApp();
    const first = await app.inject('/api/content?since=0');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]{43}"$/); // strong: no W/ prefix

    const again = await app.inject({
      url: '/api/content?since=0',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const listed = await app.inject({
      url: '/api/content',
      headers: { 'if-none-match': `"older", W/${String(etag)}` },
    });
    expect(listed.statusCode).toBe(304);

    // The ETag names the newest release, whatever the tablet counts from: a tablet that has
    // just applied what it downloaded asks from its new release and hears "nothing new".
    const fromOne = await app.inject({
      url: '/api/content?since=1',
      headers: { 'if-none-match': etag },
    });
    expect(fromOne.statusCode).toBe(304);

    db.prepare("UPDATE branches SET transport_app = 'Skånetrafiken'").run();
    const changed = await app.inject({ url: '/api/content', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(ContentRelease.parse(changed.json()).library.transportApp).toBe('Skånetrafiken');

    const afterPublish = await app.inject({
      url: '/api/content',
      headers: { 'if-none-match': changed.headers.etag },
    });
    expect(afterPublish.statusCode).toBe(304);
    publish(db, guideJson('find-a-book', 'test-phone', 'Hitta en bok'));
    const published = await app.inject({
      url: '/api/content',
      headers: { 'if-none-match': changed.headers.etag },
    });
    expect(published.statusCode).toBe(200);
  });

  it('gives the same release number of a restored backup another ETag', async () => {
    const { app, db } = await startTestApp();
    const before = await app.inject('/api/content?since=1');
    db.prepare("UPDATE content_releases SET created_at = '2030-01-01T00:00:00.000Z'").run();
    const restored = await app.inject({
      url: '/api/content?since=1',
      headers: { 'if-none-match': before.headers.etag },
    });
    expect(restored.statusCode).toBe(200);
  });

  it.each(['-1', 'abc', '1.5', '', '1e2', '0x10', '9999999999999999'])(
    'answers 400 to ?since=%s, saying what to send',
    async (since) => {
      const { app } = await startTestApp();
      const response = await app.inject(`/api/content?since=${since}`);
      expect(response.statusCode).toBe(400);
      expect(ApiProblem.parse(response.json()).message).toBe(
        'Bad query. since: Use the number of the release the tablet shows, e.g. ?since=12 (0 for everything).',
      );
    },
  );

  it('serves a branch named with ?branch=', async () => {
    const { app, db } = await startTestApp();
    db.prepare(
      "INSERT INTO branches (id, name, info_desk, transport_app) VALUES (2, 'Filialen', 'Disken', 'UL-appen')",
    ).run();
    const content = ContentRelease.parse((await app.inject('/api/content?branch=2')).json());
    expect(content.library.libraryName).toBe('Filialen');
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

interface StoredReport {
  content_release: number | null;
  app_version: string | null;
  pending_calls: number | null;
  reported_at: string | null;
}

const readReport = (db: Database, id: number) =>
  db
    .prepare<[number], StoredReport>(
      'SELECT content_release, app_version, pending_calls, reported_at FROM kiosk_devices WHERE id = ?',
    )
    .get(id);

describe('GET /api/content records what a paired tablet reports', () => {
  it('stores the release it shows, its app version and its waiting help calls', async () => {
    const { app, db } = await startTestApp();
    const tablet = await pairTablet(app, db);
    expect(readReport(db, tablet.device.id)?.reported_at).toBeNull();

    const before = new Date().toISOString();
    const response = await app.inject({
      url: '/api/content?since=1',
      headers: {
        ...tablet.headers,
        'lotsen-app-version': '  0.4.2 ',
        'lotsen-pending-calls': '3',
      },
    });
    expect(response.statusCode).toBe(200);
    const report = readReport(db, tablet.device.id);
    expect(report).toMatchObject({ content_release: 1, app_version: '0.4.2', pending_calls: 3 });
    expect(report?.reported_at && report.reported_at >= before).toBe(true);

    // A 304 is a report too: the tablet's newest word counts.
    const unchanged = await app.inject({
      url: '/api/content?since=1',
      headers: {
        ...tablet.headers,
        'if-none-match': response.headers.etag,
        'lotsen-app-version': '0.4.3',
        'lotsen-pending-calls': '0',
      },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(readReport(db, tablet.device.id)).toMatchObject({
      app_version: '0.4.3',
      pending_calls: 0,
    });
  });

  it('counts a missing or unreadable report as nothing said, and never refuses content over it', async () => {
    const { app, db } = await startTestApp();
    const tablet = await pairTablet(app, db);
    const response = await app.inject({
      url: '/api/content',
      headers: {
        ...tablet.headers,
        'lotsen-app-version': 'x'.repeat(41),
        'lotsen-pending-calls': '-2',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(readReport(db, tablet.device.id)).toMatchObject({
      content_release: 0,
      app_version: '',
      pending_calls: 0,
    });
  });

  it('records nothing for a kiosk without a token', async () => {
    const { app, db } = await startTestApp();
    const tablet = await pairTablet(app, db);
    await app.inject({ url: '/api/content?since=1', headers: { 'lotsen-pending-calls': '5' } });
    expect(readReport(db, tablet.device.id)?.reported_at).toBeNull();
  });
});

describe('compression', () => {
  it('sends content as brotli to a client that accepts it, and small answers as they are', async () => {
    const { app, db } = await startTestApp();
    for (let index = 0; index < 20; index += 1) {
      publish(db, guideJson(`guide-${index}`, 'test-phone', `Guide nummer ${index}`));
    }
    const plain = await app.inject('/api/content');
    const compressed = await app.inject({
      url: '/api/content',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(brotliDecompressSync(compressed.rawPayload).toString('utf8')).toBe(plain.body);

    const health = await app.inject({
      url: '/api/health',
      headers: { 'accept-encoding': 'br' },
    });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses or holds back the staff live stream', async () => {
    const { app, db } = await startTestApp();
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const staff = await logInStaff(db);
    const { headers, firstChunk } = await new Promise<{
      headers: Record<string, unknown>;
      firstChunk: string;
    }>((resolve, reject) => {
      const request = httpRequest(
        `${url}/api/staff/branches/1/events`,
        { headers: { cookie: staff.headers.cookie, 'accept-encoding': 'br, gzip' } },
        (response) => {
          onTestFinished(() => {
            response.destroy();
          });
          response.once('data', (chunk: Buffer) => {
            resolve({ headers: response.headers, firstChunk: chunk.toString('utf8') });
          });
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers['content-encoding']).toBeUndefined();
    expect(firstChunk).toContain('retry: 2000');
  });
});
