import { expect, test, type Page } from '@playwright/test';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

const ENGLISH = { next: 'Next', back: 'Back', finish: 'Done' };
/** A name only the qrcode library's code has: marks the chunk that draws QR codes. */
const QR_LIBRARY_MARK = 'toSJIS';

/** Every script the page asks for, in order, with its text. */
function watchScripts(page: Page): { url: string; text: Promise<string> }[] {
  const scripts: { url: string; text: Promise<string> }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push({ url: new URL(response.url()).pathname, text: response.text() });
    }
  });
  return scripts;
}

async function qrLibraryLoaded(scripts: { url: string; text: Promise<string> }[]) {
  const texts = await Promise.all(
    scripts.map(async (script) => ({ ...script, body: await script.text })),
  );
  return texts
    .filter((script) => script.body.includes(QR_LIBRARY_MARK))
    .map((script) => script.url);
}

test('a guide continues on the phone: QR codes for the service and for the guide itself', async ({
  page,
  context,
  baseURL,
}) => {
  const guide = seedGuide('forsakringskassan-mina-sidor');
  const scripts = watchScripts(page);
  const start = new KioskStartPage(page);
  await start.goto();
  // Under the service worker, as on a tablet: /phone/ must still reach the server.
  await start.waitForServiceWorkerControl();
  await start.chooseLanguage('English');
  await start.openCategory('Government offices');

  // The QR library is not part of what the start screen and the guide list load.
  expect(await qrLibraryLoaded(scripts)).toEqual([]);

  await start.openGuide(guide.text.en?.title ?? '');
  const player = new GuidePlayerPage(page, ENGLISH);
  await expect(player.counter).toHaveText(`Step 1 of ${guide.steps.length}`);

  // The step's link to the service: a QR code and its host name, never a link.
  const card = page.getByRole('region', { name: 'Continue on your phone' });
  await expect(card.getByText('www.forsakringskassan.se', { exact: true })).toBeVisible();
  const serviceQr = card.getByRole('img', { name: 'QR code that opens www.forsakringskassan.se' });
  await expect(serviceQr).toHaveAttribute('data-qr-text', 'https://www.forsakringskassan.se');
  await expect(page.locator('a, [href]:not(link)')).toHaveCount(0);

  // Loaded now, from a chunk the service worker precaches (not an online-only folder).
  const qrChunks = await qrLibraryLoaded(scripts);
  expect(qrChunks).toHaveLength(1);
  const qrChunk = qrChunks[0]?.replace(/^\//, '') ?? '';
  expect(qrChunk).toMatch(/^assets\/[^/]+\.js$/);
  const serviceWorker = await (await page.request.get('/sw.js')).text();
  expect(serviceWorker).toContain(`url:"${qrChunk}"`);

  await player.next();
  await expect(player.counter).toHaveText(`Step 2 of ${guide.steps.length}`);
  await page.getByRole('button', { name: 'On your phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'This guide on your phone' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Nothing about you is sent.');
  const guideQr = dialog.getByRole('img', { name: 'QR code that opens this guide on your phone' });
  await expect(guideQr).toBeVisible();
  const box = await guideQr.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(160);
  const address = await guideQr.getAttribute('data-qr-text');
  expect(address).toBe(`${baseURL ?? ''}/phone/guides/${guide.id}?lang=en#step-2`);

  // The "phone": another page of the same browser opens the address.
  const phone = await context.newPage();
  const cspProblems: string[] = [];
  phone.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspProblems.push(message.text());
  });
  const response = await phone.goto(address ?? '');
  expect(response?.status()).toBe(200);
  expect(response?.fromServiceWorker()).toBe(false);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(guide.text.en?.title ?? '');
  await expect(phone.locator(':target')).toHaveAttribute('id', 'step-2');
  await expect(phone.locator('#step-2 h2')).toHaveText(guide.steps[1]?.text.en?.title ?? '');
  await expect(phone.locator('#step-2')).toBeInViewport();
  // Its own style is applied under its strict CSP, and no script runs there.
  await expect(phone.locator('body')).toHaveCSS('background-color', 'rgb(251, 248, 241)');
  await expect(phone.locator('script')).toHaveCount(0);
  expect(cspProblems).toEqual([]);
  // Here, on the visitor's own phone, the service is a real link.
  await expect(
    phone.locator('#step-1').getByRole('link', { name: 'www.forsakringskassan.se' }),
  ).toHaveAttribute('href', 'https://www.forsakringskassan.se/');
  await expect(phone.locator('#step-1 img')).toHaveJSProperty('complete', true);
  expect(
    await phone.locator('#step-1 img').evaluate((image: HTMLImageElement) => image.naturalWidth),
  ).toBeGreaterThan(0);
});

test('the kiosk keeps its context menu shut', async ({ page }) => {
  const start = new KioskStartPage(page);
  await start.goto();
  const prevented = await page
    .locator('.kiosk h1')
    .first()
    .evaluate((heading) => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      heading.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(prevented).toBe(true);
});
