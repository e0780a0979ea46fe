import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { replaceContent } from '../../src/browser/local-db/content.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { preloadKioskScreens } from '../../src/kiosk/lazy-screens.tsx';
import type { Guide } from '../../src/shared/content/guide.ts';
import { LIBRARY } from '../fixtures/kiosk-guides.ts';

/** A tablet as it comes out of the box: every table of its database empty, the kiosk in Swedish. */
export async function freshKiosk(): Promise<void> {
  await Promise.all(kioskDb.tables.map((table) => table.clear()));
  await changeKioskLanguage('sv');
  // As on a tablet once its start screen is up: the screens it loads lazily open at once.
  await preloadKioskScreens();
}

/** Puts a release on the tablet as if a sync had applied it. */
export async function showGuides(guides: Guide[], release = 1): Promise<void> {
  await replaceContent(kioskDb, { release, library: LIBRARY, guides, images: [] }, [], null);
}
