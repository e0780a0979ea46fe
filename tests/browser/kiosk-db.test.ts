import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { sampleGuide } from '../fixtures/guides.ts';
import { DEVICE, LIBRARY, TOKEN } from './fake-lotsen-server.ts';

const name = `kiosk-db-test-${crypto.randomUUID()}`;

afterEach(async () => {
  await Dexie.delete(name);
});

it('opens a version 1 tablet database as the newest version with its content intact', async () => {
  const v1 = new Dexie(name);
  v1.version(1).stores({ guides: 'id, category', images: 'id', contentState: 'key' });
  await v1.table('guides').put(sampleGuide());
  await v1.table('contentState').put({ key: 'content', release: 3, etag: '"r3"', syncedAt: 1 });
  v1.close();

  const db = new KioskDatabase(name);
  await db.open();

  expect(db.verno).toBe(4);
  expect((await db.guides.get('print-a-page'))?.id).toBe('print-a-page');
  expect((await db.contentState.get('content'))?.release).toBe(3);
  expect(await db.helpCalls.count()).toBe(0);
  expect(await db.kioskDevice.count()).toBe(0);
  db.close();
});

it('opens a version 2 tablet database as the newest version, keeping content and outbox as they are', async () => {
  const v2 = new Dexie(name);
  v2.version(1).stores({ guides: 'id, category', images: 'id', contentState: 'key' });
  v2.version(2).stores({ helpCalls: 'id, state, createdAt', kioskDevice: 'key' });
  const content = { key: 'content', release: 7, etag: '"r7"', library: LIBRARY, syncedAt: 5 };
  const image = { id: 'printer-open', sha256: 'a'.repeat(64), mimeType: 'image/svg+xml' };
  const call = { id: 'call-1', state: 'queued', createdAt: 9, request: { needs: [] } };
  const device = { key: 'device', deviceToken: TOKEN, device: DEVICE, problem: null };
  await v2.table('guides').put(sampleGuide());
  await v2.table('images').put(image);
  await v2.table('contentState').put(content);
  await v2.table('helpCalls').put(call);
  await v2.table('kioskDevice').put(device);
  v2.close();

  const db = new KioskDatabase(name);
  await db.open();

  expect(db.verno).toBe(4);
  expect(await db.guides.toArray()).toEqual([sampleGuide()]);
  expect(await db.images.toArray()).toEqual([image]);
  expect(await db.contentState.toArray()).toEqual([content]);
  expect(await db.helpCalls.where('state').equals('queued').toArray()).toEqual([call]);
  expect(await db.kioskDevice.toArray()).toEqual([device]);
  expect(await db.stagedRelease.count()).toBe(0);
  expect(await db.stagedImages.count()).toBe(0);
  db.close();
});

it('opens a version 3 tablet database with its staged release, now found by its number', async () => {
  const old = new Dexie(name);
  old.version(1).stores({ guides: 'id, category', images: 'id', contentState: 'key' });
  old.version(2).stores({ helpCalls: 'id, state, createdAt', kioskDevice: 'key' });
  old.version(3).stores({
    images: 'id, [id+sha256]',
    stagedRelease: 'key',
    stagedImages: '[id+sha256]',
  });
  const staged = { key: 'staged', release: 9, base: 8, changedGuides: [sampleGuide()] };
  await old.table('stagedRelease').put(staged);
  old.close();

  const db = new KioskDatabase(name);
  await db.open();

  expect(db.verno).toBe(4);
  expect(await db.stagedRelease.orderBy('release').keys()).toEqual([9]);
  expect(await db.stagedRelease.get('staged')).toEqual(staged);
  db.close();
});
