import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { KioskDatabase } from '../../src/browser/local-db/kiosk-db.ts';
import { sampleGuide } from '../fixtures/guides.ts';

const name = `kiosk-db-test-${crypto.randomUUID()}`;

afterEach(async () => {
  await Dexie.delete(name);
});

it('opens a version 1 tablet database as version 2 with its content intact', async () => {
  const v1 = new Dexie(name);
  v1.version(1).stores({ guides: 'id, category', images: 'id', contentState: 'key' });
  await v1.table('guides').put(sampleGuide());
  await v1.table('contentState').put({ key: 'content', release: 3, etag: '"r3"', syncedAt: 1 });
  v1.close();

  const db = new KioskDatabase(name);
  await db.open();

  expect(db.verno).toBe(2);
  expect((await db.guides.get('print-a-page'))?.id).toBe('print-a-page');
  expect((await db.contentState.get('content'))?.release).toBe(3);
  expect(await db.helpCalls.count()).toBe(0);
  expect(await db.kioskDevice.count()).toBe(0);
  db.close();
});
