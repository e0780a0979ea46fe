import { expect, test } from '@playwright/test';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

test('switching to Arabic turns the whole page right-to-left, and back', async ({ page }) => {
  const start = new KioskStartPage(page);
  await start.goto();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await start.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(start.categoryTiles.filter({ hasText: 'الجهات الحكومية' })).toBeVisible();

  await start.chooseLanguage('English');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a visitor pages through the BankID guide, one step per screen', async ({ page }) => {
  const guide = seedGuide('install-mobilt-bankid');
  const start = new KioskStartPage(page);
  const player = new GuidePlayerPage(page);
  await start.goto();
  await start.openCategory('BankID');
  await start.openGuide(guide.text.sv?.title ?? '');

  await expect(player.counter).toHaveText(`Steg 1 av ${guide.steps.length}`);
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.sv?.title ?? '');
  await expect(player.stepTitle).toBeFocused();

  const titles = await player.pageThroughAllSteps();
  expect(titles).toEqual(guide.steps.map((step) => step.text.sv?.title));
  await expect(page.getByRole('button', { name: 'Klar', exact: true })).toBeVisible();

  await player.back();
  await expect(player.counter).toHaveText(
    `Steg ${guide.steps.length - 1} av ${guide.steps.length}`,
  );

  // The same guide in Arabic keeps the Swedish on-screen labels the phone shows.
  await page.getByRole('button', { name: 'Till början' }).click();
  await start.chooseLanguage('العربية');
  await start.openCategory('BankID');
  await start.openGuide(guide.text.ar?.title ?? '');
  const arabic = new GuidePlayerPage(page, { next: 'التالي', back: 'رجوع', finish: 'تم' });
  await expect(arabic.counter).toHaveText(`الخطوة 1 من ${guide.steps.length}`);
  const labelStep = guide.steps.findIndex((step) =>
    step.text.ar?.body.includes('[[BankID på annan enhet|'),
  );
  expect(labelStep).toBeGreaterThan(0);
  for (let step = 0; step < labelStep; step++) await arabic.next();
  const label = page.locator('.screen-label', { hasText: 'BankID på annan enhet' }).first();
  await expect(label).toHaveAttribute('lang', 'sv');
  // Its meaning in Arabic beside it, in the step's language.
  const meaning = /\[\[BankID på annan enhet\|([^\]]+)\]\]/.exec(
    guide.steps[labelStep]?.text.ar?.body ?? '',
  )?.[1];
  await expect(page.locator('.step-body')).toContainText(`(${meaning ?? 'missing'})`);
});

test('Call a helper is in the same place on every screen', async ({ page }) => {
  const start = new KioskStartPage(page);
  await start.goto();
  const callButton = page.getByRole('button', { name: 'Be om hjälp' });
  const where = async () => {
    const box = await callButton.boundingBox();
    if (!box) throw new Error('Call a helper is not on screen');
    return { x: Math.round(box.x), y: Math.round(box.y) };
  };
  const onStart = await where();
  await start.openCategory('BankID');
  expect(await where()).toEqual(onStart);
  await start.openGuide(seedGuide('install-mobilt-bankid').text.sv?.title ?? '');
  expect(await where()).toEqual(onStart);

  await callButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Informationsdisken vid entrén');
  await dialog.getByRole('button', { name: 'Stäng' }).click();
  await expect(dialog).toBeHidden();
});

test('a deep link opens its guide at its step on a new tablet, once the first sync lands', async ({
  page,
}) => {
  // A new browser context: an empty tablet. Its guides come from the content worker's first
  // sync, and reach the page through Dexie's change events from another thread.
  const guide = seedGuide('buy-bus-ticket');
  const player = new GuidePlayerPage(page);
  await page.goto(`/?guide=${guide.id}&step=2&lang=en`);
  await expect(player.stepTitle).toHaveText(guide.steps[1]?.text.en?.title ?? 'missing');
  expect(await player.position()).toEqual({ current: 2, total: guide.steps.length });
  await player.expectPictureShown();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The address is cleaned, so the next visitor gets a plain start screen.
  expect(new URL(page.url()).search).toBe('');
});
