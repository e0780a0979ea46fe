import { expect, test } from '@playwright/test';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { SEED_GUIDES, SWEDISH_CATEGORY_NAMES } from './seed-guides.ts';

test('after one online visit, every guide opens offline with its pictures, after a reload too', async ({
  page,
  context,
}) => {
  const start = new KioskStartPage(page);
  await start.goto();
  await start.waitForServiceWorkerControl();
  // The guides came through the content worker, off the page's thread.
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain(
    '/content-worker.js',
  );

  await context.setOffline(true);
  await page.reload();
  await expect(start.categoryTiles.first()).toBeVisible();
  // Offline the worker starts from the precache and the tablet keeps its guides.
  await expect
    .poll(() => page.workers().map((worker) => new URL(worker.url()).pathname))
    .toContain('/content-worker.js');
  // Really offline: the server cannot be reached from the page.
  expect(
    await page.evaluate(() =>
      fetch('/api/health').then(
        () => 'online',
        () => 'offline',
      ),
    ),
  ).toBe('offline');

  for (const guide of SEED_GUIDES) {
    await start.openCategory(SWEDISH_CATEGORY_NAMES[guide.category] ?? guide.category);
    await start.openGuide(guide.text.sv?.title ?? '');
    const player = new GuidePlayerPage(page);
    const titles = await player.pageThroughAllSteps();
    expect(titles).toEqual(guide.steps.map((step) => step.text.sv?.title));
    await player.finish();
    await expect(start.categoryTiles.first()).toBeVisible();
  }

  // UI languages come from the precache: switching works with the network down.
  await start.chooseLanguage('English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await start.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const bus = SEED_GUIDES.find((guide) => guide.id === 'buy-bus-ticket');
  await start.openCategory('السفر والتذاكر');
  await start.openGuide(bus?.text.ar?.title ?? '');
  const arabic = new GuidePlayerPage(page, { next: 'التالي', back: 'رجوع', finish: 'تم' });
  await arabic.pageThroughAllSteps();
});
