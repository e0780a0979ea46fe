import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentSyncError, syncContent } from '../../src/browser/content-sync/content-sync.ts';
import { scheduleContentSync } from '../../src/browser/content-sync/content-sync-schedule.ts';
import { contentWorkFor } from '../../src/browser/content-sync/content-work.ts';
import { savePairing } from '../../src/browser/device/kiosk-device-records.ts';
import { applyStagedRelease } from '../../src/browser/local-db/content.ts';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { storeHelpCall } from '../../src/browser/outbox/outbox-records.ts';
import type { Guide } from '../../src/shared/content/guide.ts';
import { sampleGuide } from '../fixtures/guides.ts';
import { DEVICE, FakeLotsenServer, LIBRARY, TOKEN } from './fake-lotsen-server.ts';

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg"><title>${label}</title><rect width="4" height="4"/></svg>`;

/** A guide showing one picture in its first step. */
function guideWithPicture(id: string, pictureId: string, title = id): Guide {
  const base = sampleGuide({ id });
  const [first, ...rest] = base.steps;
  if (!first?.image || !first.text.sv) throw new Error('the sample guide has a picture');
  return {
    ...base,
    text: { ...base.text, sv: { title, summary: '' } },
    steps: [{ ...first, image: { ...first.image, id: pictureId } }, ...rest],
  };
}

let db: KioskDatabase;
let server: FakeLotsenServer;

beforeEach(async () => {
  db = new KioskDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  server = new FakeLotsenServer();
  server.publishContent([sampleGuide()], { 'printer-open': svg('printer') });
});

afterEach(async () => {
  await db.delete();
});

const sync = () => syncContent({ db, fetch: server.fetch });

async function syncAndApply() {
  const outcome = await sync();
  await applyStagedRelease(db);
  return outcome;
}

/** What the kiosk shows: guides, pictures and the release they belong to. */
async function shownOnTablet() {
  return {
    guides: await db.guides.toArray(),
    images: (await db.images.toArray()).map(({ id, sha256 }) => ({ id, sha256 })),
    state: await db.contentState.get('content'),
  };
}

describe('content sync', () => {
  it('stages a fresh tablet’s first release; applying it stores guides, pictures and settings', async () => {
    const outcome = await sync();

    expect(outcome).toEqual({
      status: 'staged',
      release: 1,
      receivedGuides: 1,
      downloadedImages: 1,
    });
    expect(server.contentRequests.map((request) => request.since)).toEqual([0]);
    // Staged, not shown: nothing the kiosk shows has changed yet.
    expect(await db.guides.count()).toBe(0);
    expect(await db.contentState.get('content')).toBeUndefined();

    expect(await applyStagedRelease(db)).toEqual({
      status: 'applied',
      release: 1,
      guides: 1,
      removedGuides: [],
      newImages: 1,
    });
    expect((await db.guides.get('print-a-page'))?.text.sv?.title).toBe('Skriv ut en sida');
    const image = await db.images.get('printer-open');
    expect(await image?.blob.text()).toBe(svg('printer'));
    expect(image?.mimeType).toBe('image/svg+xml');
    expect(await db.contentState.get('content')).toMatchObject({
      release: 1,
      etag: '"r1-s0"',
      library: LIBRARY,
      guideIds: ['print-a-page'],
    });
    expect(await db.stagedRelease.count()).toBe(0);
    expect(await db.stagedImages.count()).toBe(0);
  });

  it('asks since the release it shows, with the ETag, and changes nothing when nothing is new', async () => {
    await syncAndApply();
    server.received = [];

    expect(await sync()).toEqual({ status: 'unchanged', release: 1 });
    expect(server.contentRequests.at(-1)).toMatchObject({ since: 1, ifNoneMatch: '"r1-s0"' });
    // The server's empty delta since release 1 only renews the ETag; the next ask is a 304.
    expect(await sync()).toEqual({ status: 'unchanged', release: 1 });
    expect(server.contentAnswers).toHaveLength(2);
    expect(server.received.map((request) => request.path)).toEqual([
      '/api/content',
      '/api/content',
    ]);
  });

  it('tells the server its app version and how many help calls still wait to be sent', async () => {
    await savePairing(db, { deviceToken: TOKEN, device: DEVICE, library: null, setupPin: null }, 1);
    const context = { guideId: null, stepNumber: null, language: 'sv', needs: [] } as const;
    await storeHelpCall(db, context, { id: crypto.randomUUID(), now: Date.now() });
    await storeHelpCall(db, context, { id: crypto.randomUUID(), now: Date.now() });

    await syncContent({ db, fetch: server.fetch, appVersion: '1.4.2' });

    expect(server.contentRequests).toEqual([
      { since: 0, ifNoneMatch: null, appVersion: '1.4.2', pendingCalls: '2', token: TOKEN },
    ]);
  });

  it('after one guide changed, receives only that guide and ends up with all of them', async () => {
    const guides = ['a', 'b', 'c'].map((id) => guideWithPicture(`guide-${id}`, `picture-${id}`));
    const pictures = { 'picture-a': svg('a'), 'picture-b': svg('b'), 'picture-c': svg('c') };
    server.publishContent(guides, pictures);
    await syncAndApply();
    server.received = [];

    const changed = guideWithPicture('guide-b', 'picture-b', 'B, rewritten');
    server.publishContent([guides[0], changed, guides[2]] as Guide[], pictures);
    const outcome = await sync();

    expect(outcome).toMatchObject({ status: 'staged', receivedGuides: 1, downloadedImages: 0 });
    expect(server.contentRequests.at(-1)?.since).toBe(2);
    expect(server.contentAnswers.at(-1)?.guides.map((guide) => guide.id)).toEqual(['guide-b']);
    expect(server.imageRequests()).toEqual([]);
    // Staged only: the kiosk still shows the old guide, and only the changed guide waits.
    expect((await db.guides.get('guide-b'))?.text.sv?.title).toBe('guide-b');
    const staged = await db.stagedRelease.get('staged');
    expect(staged?.changedGuides.map((guide) => guide.id)).toEqual(['guide-b']);
    expect(staged?.guideImages['guide-a']).toEqual([
      { id: 'picture-a', sha256: expect.stringMatching(/^[a-f0-9]{64}$/) as unknown },
    ]);

    // Applying writes the changed guide only: the others stay the very records they were.
    const untouched = await db.guides.get('guide-a');
    await applyStagedRelease(db);
    expect(await db.guides.get('guide-a')).toEqual(untouched);
    expect((await db.guides.toArray()).map((guide) => guide.id)).toEqual([
      'guide-a',
      'guide-b',
      'guide-c',
    ]);
    expect((await db.guides.get('guide-b'))?.text.sv?.title).toBe('B, rewritten');
    expect((await db.images.toArray()).map((image) => image.id)).toEqual([
      'picture-a',
      'picture-b',
      'picture-c',
    ]);
    expect((await db.contentState.get('content'))?.release).toBe(3);
  });

  it('removes an unpublished guide and the pictures only it showed when the release is applied', async () => {
    server.publishContent([sampleGuide(), guideWithPicture('scan-a-page', 'scanner')], {
      'printer-open': svg('printer'),
      scanner: svg('scanner'),
    });
    await syncAndApply();

    server.publishContent([sampleGuide()], { 'printer-open': svg('printer') });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: 'staged', receivedGuides: 0, downloadedImages: 0 });
    expect(await db.guides.get('scan-a-page')).toBeDefined();

    expect(await applyStagedRelease(db)).toMatchObject({
      status: 'applied',
      removedGuides: ['scan-a-page'],
    });
    expect((await db.guides.toArray()).map((guide) => guide.id)).toEqual(['print-a-page']);
    expect(await db.images.get('scanner')).toBeUndefined();
    expect(await db.images.get('printer-open')).toBeDefined();
  });

  it('resumes an interrupted download: only the pictures still missing are fetched again', async () => {
    await syncAndApply();
    const before = await shownOnTablet();
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    server.publishContent(
      ids.map((id) => guideWithPicture(`guide-${id}`, id)),
      Object.fromEntries(ids.map((id) => [id, svg(id)])),
    );
    server.failingImages.add('p3');
    server.received = [];

    await expect(sync()).rejects.toThrow('The picture "p3" could not be downloaded (500).');

    expect(await shownOnTablet()).toEqual(before);
    expect(await db.stagedRelease.count()).toBe(0);
    const stagedAfterFailure = (await db.stagedImages.toArray()).map((image) => image.id).sort();
    expect(stagedAfterFailure).toEqual(expect.arrayContaining(['p1', 'p2']));
    expect(stagedAfterFailure).not.toContain('p3');

    server.failingImages.clear();
    server.received = [];
    const outcome = await sync();

    const fetchedAgain = server.imageRequests().sort();
    expect(fetchedAgain).toEqual(ids.filter((id) => !stagedAfterFailure.includes(id)));
    expect(fetchedAgain).toContain('p3');
    expect(fetchedAgain.length).toBeLessThan(ids.length);
    expect(outcome).toMatchObject({ status: 'staged', downloadedImages: fetchedAgain.length });
    expect(await shownOnTablet()).toEqual(before);

    await applyStagedRelease(db);
    expect((await db.images.toArray()).map((image) => image.id).sort()).toEqual(ids);
  });

  it('downloads a step’s read-aloud recording like a picture, keeps its type, and drops it when no guide plays it', async () => {
    const clipId = 'aud-0123456789abcdef';
    // An Ogg page header and some bytes no text encoding could carry.
    const clip = `OggS\u0000\u0002${'\u00ff\u0080'.repeat(40)}`;
    const base = sampleGuide();
    const withClip: Guide = {
      ...base,
      steps: base.steps.map((step, index) => {
        if (index !== 0 || !step.text.sv) return step;
        return { ...step, text: { ...step.text, sv: { ...step.text.sv, audio: { id: clipId } } } };
      }),
    };
    server.publishContent([withClip], {
      'printer-open': svg('printer'),
      [clipId]: { mimeType: 'audio/ogg', body: clip },
    });

    expect(await syncAndApply()).toMatchObject({ status: 'staged', downloadedImages: 2 });
    expect(server.imageRequests().sort()).toEqual([clipId, 'printer-open']);
    const stored = await db.images.get(clipId);
    expect(stored?.mimeType).toBe('audio/ogg');
    expect(stored?.blob.type).toBe('audio/ogg');
    const bytes = new Uint8Array(await (stored?.blob ?? new Blob()).arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(clip, 'latin1'))).toBe(true);

    // The editor removed the recording: the next release no longer plays it.
    server.publishContent([sampleGuide()], { 'printer-open': svg('printer') });
    await syncAndApply();
    expect((await shownOnTablet()).images.map((image) => image.id)).toEqual(['printer-open']);
  });

  it('refuses a damaged picture and stages nothing', async () => {
    await syncAndApply();
    const before = await shownOnTablet();
    server.publishContent([sampleGuide()], { 'printer-open': svg('printer, version 2') });
    server.damagedImages.add('printer-open');

    await expect(sync()).rejects.toThrow('arrived damaged');
    expect(await db.stagedRelease.count()).toBe(0);
    expect(await db.stagedImages.count()).toBe(0);
    expect(await shownOnTablet()).toEqual(before);
  });

  it('replaces a staged release with a newer one, reusing the pictures already staged', async () => {
    await syncAndApply();
    server.publishContent([sampleGuide()], { 'printer-open': svg('printer, version 2') });
    await sync();
    expect((await db.stagedRelease.get('staged'))?.release).toBe(2);
    server.received = [];

    server.publishContent([sampleGuide(), sampleGuide({ id: 'scan-a-page' })], {
      'printer-open': svg('printer, version 2'),
    });
    expect(await sync()).toMatchObject({ status: 'staged', release: 3, downloadedImages: 0 });
    expect(server.imageRequests()).toEqual([]);
    expect(server.contentRequests.at(-1)).toMatchObject({ since: 1, ifNoneMatch: '"r2-s1"' });

    await applyStagedRelease(db);
    expect((await db.contentState.get('content'))?.release).toBe(3);
    expect(await (await db.images.get('printer-open'))?.blob.text()).toBe(
      svg('printer, version 2'),
    );
    expect((await db.guides.toArray()).map((guide) => guide.id).sort()).toEqual([
      'print-a-page',
      'scan-a-page',
    ]);
  });

  it('answers a 304 with the staged ETag while a release waits to be applied', async () => {
    await syncAndApply();
    server.publishContent([sampleGuide({ id: 'scan-a-page' })], {});
    await sync();

    expect(await sync()).toEqual({ status: 'unchanged', release: 2 });
    expect(server.contentAnswers).toHaveLength(2);
  });

  it('falls back to a full sync when the delta does not fit the guides on the tablet', async () => {
    await syncAndApply();
    // The tablet lost its guides but still believes it shows release 1.
    await db.guides.clear();
    server.publishContent([sampleGuide(), sampleGuide({ id: 'scan-a-page' })], {
      'printer-open': svg('printer'),
    });

    expect(await sync()).toMatchObject({ status: 'staged', release: 2, receivedGuides: 2 });
    expect(server.contentRequests.map((request) => request.since)).toEqual([0, 1, 0]);
    await applyStagedRelease(db);
    expect(await db.guides.count()).toBe(2);
  });

  it('refuses content it cannot read, saying what is wrong, and stages nothing', async () => {
    await syncAndApply();
    const before = await shownOnTablet();
    server.publishContent([{ ...sampleGuide(), steps: [] }], {});

    await expect(sync()).rejects.toThrow(
      /cannot read:\nguides\[0\]\.steps: needs at least 1 item$/,
    );
    await expect(sync()).rejects.toBeInstanceOf(ContentSyncError);
    expect(await db.stagedRelease.count()).toBe(0);
    expect(await shownOnTablet()).toEqual(before);
  });

  it('runs one sync at a time', async () => {
    const [first, second] = await Promise.all([sync(), sync()]);
    expect([first.status, second.status].sort()).toEqual(['busy', 'staged']);
  });
});

describe('applying a staged release', () => {
  beforeEach(async () => {
    await syncAndApply();
    server.publishContent([guideWithPicture('new-guide', 'new-picture')], {
      'new-picture': svg('new'),
    });
    await sync();
  });

  it('does nothing when no release is staged', async () => {
    await applyStagedRelease(db);
    expect(await applyStagedRelease(db)).toEqual({ status: 'nothing-staged' });
  });

  it('never applies a release with a picture missing, and drops it', async () => {
    const before = await shownOnTablet();
    await db.stagedImages.clear();

    const outcome = await applyStagedRelease(db);

    expect(outcome).toMatchObject({ status: 'incomplete', release: 2 });
    expect(outcome.status === 'incomplete' && outcome.reason).toContain('new-picture');
    expect(await shownOnTablet()).toEqual(before);
    expect(await db.stagedRelease.count()).toBe(0);
  });

  it('swaps guides, pictures and release together, or not at all when a write fails', async () => {
    const before = await shownOnTablet();
    // The last write of the transaction fails, after the guides were already replaced inside it.
    const failing = () => {
      throw new Error('disk full');
    };
    db.contentState.hook('updating', failing);

    await expect(applyStagedRelease(db)).rejects.toThrow('disk full');
    expect(await shownOnTablet()).toEqual(before);
    expect((await db.stagedRelease.get('staged'))?.release).toBe(2);

    db.contentState.hook('updating').unsubscribe(failing);
    // A reader running alongside the swap sees one release whole: the old one or the new one.
    const [, seen] = await Promise.all([
      applyStagedRelease(db),
      db.transaction('r', [db.guides, db.images, db.contentState], async () => ({
        release: (await db.contentState.get('content'))?.release,
        guides: await db.guides.toCollection().primaryKeys(),
        images: await db.images.toCollection().primaryKeys(),
      })),
    ]);
    expect([
      { release: 1, guides: ['print-a-page'], images: ['printer-open'] },
      { release: 2, guides: ['new-guide'], images: ['new-picture'] },
    ]).toContainEqual(seen);
    expect(await shownOnTablet()).toMatchObject({
      guides: [{ id: 'new-guide' }],
      images: [{ id: 'new-picture' }],
      state: { release: 2 },
    });
  });
});

describe('the sync schedule', () => {
  it('syncs at start and again on request only when the last sync is old enough', async () => {
    vi.stubGlobal('window', new EventTarget()); // the schedule listens for `online`
    const schedule = scheduleContentSync({
      sync: () => syncContent({ db, fetch: server.fetch }),
      intervalMs: 60 * 60_000,
    });
    try {
      await expect.poll(() => db.stagedRelease.count()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(await schedule.syncIfOlderThan(60_000)).toBeNull();
      expect(server.contentRequests).toHaveLength(1);

      expect(await schedule.syncIfOlderThan(0)).toEqual({ status: 'unchanged', release: 1 });
      expect(server.contentRequests).toHaveLength(2);
    } finally {
      schedule.stop();
      vi.unstubAllGlobals();
    }
  });
});

describe("the content worker's sync", () => {
  const work = () => contentWorkFor({ db, fetch: server.fetch });

  it('shows the first release at once on a tablet with no guides', async () => {
    const outcome = await work().sync();

    expect(outcome.status).toBe('staged');
    expect((await shownOnTablet()).guides.map((guide) => guide.id)).toEqual(['print-a-page']);
    expect(await db.stagedRelease.count()).toBe(0);
  });

  it('leaves a new release staged on a tablet that shows guides: a visitor may be reading one', async () => {
    await syncAndApply();
    const shown = await shownOnTablet();
    server.publishContent([sampleGuide({ id: 'scan-a-page' })], { 'printer-open': svg('printer') });

    const outcome = await work().sync();

    if (outcome.status !== 'staged')
      throw new Error(`expected a staged release, got ${outcome.status}`);
    expect(await shownOnTablet()).toEqual(shown);
    expect(await db.stagedRelease.orderBy('release').keys()).toEqual([outcome.release]);
  });

  it('answers a sync asked for while one runs with that one: one download', async () => {
    const contentWork = work();

    const [first, second] = await Promise.all([contentWork.sync(), contentWork.sync()]);

    expect(second).toEqual(first);
    expect(server.requestsTo('GET', '/api/content')).toHaveLength(1);
    // Once it is over, the next call syncs again (and finds nothing new).
    expect((await contentWork.sync()).status).toBe('unchanged');
    expect(server.requestsTo('GET', '/api/content')).toHaveLength(2);
  });
});
