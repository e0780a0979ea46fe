import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { ContentSyncError, syncContent } from '../../src/browser/content-sync/content-sync.ts';
import type { ContentSnapshot } from '../../src/shared/api/contract.ts';
import { sampleGuide } from '../fixtures/guides.ts';

const library = {
  branchId: 1,
  libraryName: 'Stadsbiblioteket',
  infoDesk: 'Informationsdisken',
  transportApp: 'UL-appen',
  fallbackLanguage: 'sv' as const,
};

/** A stand-in for the Lotsen server: serves one snapshot and its images, and records what was asked. */
class FakeContentServer {
  requests: string[] = [];
  images = new Map<string, string>();
  failingImages = new Set<string>();
  damagedImages = new Set<string>();
  snapshot!: ContentSnapshot;

  publish(release: number, guides: ContentSnapshot['guides'], images: Record<string, string>) {
    this.images = new Map(Object.entries(images));
    this.snapshot = {
      release,
      library,
      guides,
      images: Object.entries(images).map(([id, svg]) => ({
        id,
        sha256: createHash('sha256').update(svg).digest('hex'),
        mimeType: 'image/svg+xml',
        size: Buffer.byteLength(svg),
      })),
    };
  }

  fetch: typeof fetch = (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://kiosk.test');
    this.requests.push(url.pathname);
    if (url.pathname === '/api/content') {
      const etag = `"r${this.snapshot.release}"`;
      if (new Headers(init?.headers).get('If-None-Match') === etag) {
        return Promise.resolve(new Response(null, { status: 304 }));
      }
      return Promise.resolve(Response.json(this.snapshot, { headers: { ETag: etag } }));
    }
    const id = decodeURIComponent(url.pathname.replace('/api/images/', ''));
    const svg = this.images.get(id);
    if (svg === undefined || this.failingImages.has(id)) {
      return Promise.resolve(new Response('gone', { status: 500 }));
    }
    return Promise.resolve(new Response(this.damagedImages.has(id) ? `${svg} ` : svg));
  };
}

const printerSvg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>';
let db: KioskDatabase;
let server: FakeContentServer;

beforeEach(async () => {
  db = new KioskDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  server = new FakeContentServer();
  server.publish(1, [sampleGuide()], { 'printer-open': printerSvg });
});

afterEach(async () => {
  await db.delete();
});

async function snapshotOfTablet() {
  return {
    guides: await db.guides.toArray(),
    images: (await db.images.toArray()).map(({ id, sha256 }) => ({ id, sha256 })),
    state: await db.contentState.get('content'),
  };
}

describe('content sync', () => {
  it('stores guides, pictures and library settings on a fresh tablet', async () => {
    const outcome = await syncContent({ db, fetch: server.fetch });

    expect(outcome).toEqual({ status: 'updated', release: 1, downloadedImages: 1 });
    expect((await db.guides.get('print-a-page'))?.text.sv?.title).toBe('Skriv ut en sida');
    const image = await db.images.get('printer-open');
    expect(await image?.blob.text()).toBe(printerSvg);
    expect(image?.mimeType).toBe('image/svg+xml');
    expect(await db.contentState.get('content')).toMatchObject({
      release: 1,
      etag: '"r1"',
      library,
    });
  });

  it('asks with the ETag and changes nothing when the server has nothing new', async () => {
    await syncContent({ db, fetch: server.fetch });
    server.requests = [];

    expect(await syncContent({ db, fetch: server.fetch })).toEqual({
      status: 'unchanged',
      release: 1,
    });
    expect(server.requests).toEqual(['/api/content']);
  });

  it('downloads only changed pictures and removes guides and pictures no longer published', async () => {
    const stampSvg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="2"/></svg>';
    server.publish(1, [sampleGuide()], { 'printer-open': printerSvg, stamp: stampSvg });
    await syncContent({ db, fetch: server.fetch });

    const retitled = sampleGuide({ id: 'scan-a-page' });
    server.publish(2, [retitled], { 'printer-open': printerSvg });
    server.requests = [];
    const outcome = await syncContent({ db, fetch: server.fetch });

    expect(outcome).toEqual({ status: 'updated', release: 2, downloadedImages: 0 });
    expect(server.requests).toEqual(['/api/content']);
    expect((await db.guides.toArray()).map((guide) => guide.id)).toEqual(['scan-a-page']);
    expect(await db.images.get('stamp')).toBeUndefined();
  });

  it('keeps the old release whole when a picture cannot be downloaded', async () => {
    await syncContent({ db, fetch: server.fetch });
    const before = await snapshotOfTablet();

    server.publish(2, [sampleGuide({ id: 'new-guide' })], {
      'printer-open': `${printerSvg}<!-- v2 -->`,
    });
    server.failingImages.add('printer-open');

    await expect(syncContent({ db, fetch: server.fetch })).rejects.toThrow(
      'The picture "printer-open" could not be downloaded (500).',
    );
    expect(await snapshotOfTablet()).toEqual(before);
  });

  it('refuses a damaged picture and keeps the old release', async () => {
    await syncContent({ db, fetch: server.fetch });
    const before = await snapshotOfTablet();
    server.publish(2, [sampleGuide()], { 'printer-open': `${printerSvg}<!-- v2 -->` });
    server.damagedImages.add('printer-open');

    await expect(syncContent({ db, fetch: server.fetch })).rejects.toThrow('arrived damaged');
    expect(await snapshotOfTablet()).toEqual(before);
  });

  it('never leaves a half-updated guide when writing the new release fails', async () => {
    await syncContent({ db, fetch: server.fetch });
    const before = await snapshotOfTablet();
    server.publish(2, [sampleGuide({ id: 'new-guide' })], { 'printer-open': printerSvg });
    // The last write of the transaction fails, after the guides were already replaced inside it.
    db.contentState.hook('updating', () => {
      throw new Error('disk full');
    });

    await expect(syncContent({ db, fetch: server.fetch })).rejects.toThrow('disk full');
    expect(await snapshotOfTablet()).toEqual(before);
  });

  it('refuses content it cannot read, saying what is wrong, and keeps what it has', async () => {
    await syncContent({ db, fetch: server.fetch });
    const before = await snapshotOfTablet();
    server.publish(2, [{ ...sampleGuide(), steps: [] }], {});

    await expect(syncContent({ db, fetch: server.fetch })).rejects.toThrow(
      /cannot read:\nguides\[0\]\.steps: A guide needs at least one step\./,
    );
    await expect(syncContent({ db, fetch: server.fetch })).rejects.toBeInstanceOf(ContentSyncError);
    expect(await snapshotOfTablet()).toEqual(before);
  });

  it('runs one sync at a time', async () => {
    const [first, second] = await Promise.all([
      syncContent({ db, fetch: server.fetch }),
      syncContent({ db, fetch: server.fetch }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['busy', 'updated']);
  });
});
