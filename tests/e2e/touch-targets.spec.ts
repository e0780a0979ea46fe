import { expect, test, type Page } from '@playwright/test';
import { addTablet } from './operator-cli.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskHeader } from './page-models/kiosk-header.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { KIOSK_UI_LANGUAGES, kioskWords } from './page-models/kiosk-words.ts';
import { seedGuide } from './seed-guides.ts';

/** The kiosk's smallest touch target, in CSS pixels (larger than WCAG 2.5.8's 24). */
const SMALLEST_TARGET_PX = 48;

/**
 * Every visible control on the page whose box is smaller than 48 × 48 px,
 * named by its words (or its label) so a failure says which one.
 */
async function smallTargets(page: Page, screen: string): Promise<string[]> {
  const controls = await page
    .locator(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"]',
    )
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.checkVisibility({ visibilityProperty: true }))
        .map((element) => {
          const box = element.getBoundingClientRect();
          const name =
            element.getAttribute('aria-label') ?? (element.textContent.trim() || element.outerHTML);
          return { name: name.slice(0, 60), width: box.width, height: box.height };
        }),
    );
  expect(controls.length, `no controls found on ${screen}`).toBeGreaterThan(0);
  return controls
    .filter((control) => control.width < SMALLEST_TARGET_PX || control.height < SMALLEST_TARGET_PX)
    .map(
      (control) =>
        `${screen}: "${control.name}" is ${Math.round(control.width)} × ${Math.round(control.height)} px`,
    );
}

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 360, height: 740 },
];

for (const viewport of VIEWPORTS) {
  for (const code of ['sv', 'ar'] as const) {
    test(`every kiosk control is at least 48 × 48 px, on every screen and dialog (${code}, ${viewport.width} × ${viewport.height})`, async ({
      page,
    }) => {
      const language = KIOSK_UI_LANGUAGES.find((candidate) => candidate.code === code);
      if (!language) throw new Error(`The kiosk has no ${code}`);
      const t = kioskWords(code);
      const guide = seedGuide('install-mobilt-bankid');
      const start = new KioskStartPage(page);
      const header = new KioskHeader(page);
      const openDialog = page.locator('dialog[open]');
      const offenders: string[] = [];
      const measure = async (screen: string) => {
        offenders.push(...(await smallTargets(page, screen)));
      };
      await page.setViewportSize(viewport);
      await page.clock.install();

      const pairingCode = addTablet('Mått-surfplatta', `Touch ${code} ${viewport.width}`);
      await page.goto(`/?pair=${pairingCode}`);
      await expect(openDialog).toBeVisible();
      await measure('pairing result');
      await openDialog.getByRole('button').last().click();

      await expect(start.categoryTiles.first()).toBeVisible();
      await start.chooseLanguage(language.nativeName);
      await measure('start screen');

      await header.holdLogo();
      await expect(openDialog).toBeVisible();
      await measure('setup dialog');
      await page.keyboard.press('Escape');
      await expect(openDialog).toHaveCount(0);

      await start.openCategory(t('categories.bankid'));
      await expect(start.guideButtons.first()).toBeVisible();
      await measure('guide list');

      await start.openGuide(guide.text[code]?.title ?? '');
      const player = new GuidePlayerPage(page);
      await player.expectPictureShown();
      await measure('guide step');
      await page.locator('.player-nav .button-primary').click();
      await expect(player.counter).toContainText('2');
      await measure('guide step 2');

      await page.clock.fastForward('31:00');
      await expect(openDialog).toContainText(t('idle.title'));
      await measure('"Are you still there?"');
      await openDialog.getByRole('button', { name: t('idle.stay') }).click();

      await header.callHelper.click();
      await expect(openDialog.getByRole('button', { name: t('help.callNow') })).toBeVisible();
      await measure('Call a helper dialog');
      await openDialog.getByRole('button', { name: t('help.callNow') }).click();
      await expect(page.locator('.help-call-panel')).toBeVisible();
      await measure('help call panel');
      await header.callHelper.click();
      await expect(openDialog).toBeVisible();
      await measure('help call status dialog');

      expect(offenders).toEqual([]);
    });
  }
}
