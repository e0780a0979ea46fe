import { expect, test, type Page } from '@playwright/test';
import type { Guide } from '../../src/shared/content/guide.ts';
import { SOURCE_LANGUAGE, type Language } from '../../src/shared/languages.ts';
import { expectNoAxeViolations } from './axe.ts';
import { addStaff, addTablet } from './operator-cli.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskHeader } from './page-models/kiosk-header.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { KIOSK_UI_LANGUAGES, kioskWords } from './page-models/kiosk-words.ts';
import { StaffPage } from './page-models/staff-page.ts';
import { seedGuide } from './seed-guides.ts';

/** A guide with pictures, shown in the visitor's language. */
const GUIDE = seedGuide('install-mobilt-bankid');
/** A guide the test takes the visitor's language away from, to see the fallback notice. */
const UNTRANSLATED = seedGuide('buy-bus-ticket');
/** The demo library's fallback language (seed-database.ts). */
const FALLBACK_LANGUAGE = SOURCE_LANGUAGE;

// Content requests are rewritten below, which a service worker would answer unseen.
test.use({ serviceWorkers: 'block' });

function titleIn(guide: Guide, code: Language['code']): string {
  return guide.text[code]?.title ?? guide.text[FALLBACK_LANGUAGE]?.title ?? '';
}

function withoutKey<T extends object>(record: T, key: string): T {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)) as T;
}

/** The tablet receives UNTRANSLATED without `code`, as if nobody had translated it yet. */
async function withoutTranslation(page: Page, code: Language['code']): Promise<void> {
  await page.route('**/api/content?*', async (route) => {
    const response = await route.fetch();
    if (response.status() !== 200) {
      await route.fulfill({ response });
      return;
    }
    const release = (await response.json()) as { guides: Guide[] };
    for (const guide of release.guides) {
      if (guide.id !== UNTRANSLATED.id) continue;
      guide.text = withoutKey(guide.text, code);
      for (const step of guide.steps) step.text = withoutKey(step.text, code);
    }
    await route.fulfill({ response, json: release });
  });
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const language of KIOSK_UI_LANGUAGES) {
  test(`axe finds no violations on any kiosk screen in ${language.englishName} (${language.code})`, async ({
    page,
  }) => {
    // About a dozen axe runs, each a few seconds on a busy machine.
    test.setTimeout(180_000);
    const t = kioskWords(language.code);
    const start = new KioskStartPage(page);
    const header = new KioskHeader(page);
    const player = new GuidePlayerPage(page);
    const openDialog = page.locator('dialog[open]');
    // The page's timers run on a clock the test can move: "Are you still there?" and the
    // three-second hold for setup come without waiting for them.
    await page.clock.install();
    await withoutTranslation(page, language.code);

    // A tablet paired through its pairing link, so Call a helper offers the whole form.
    const code = addTablet('A11y-surfplatta', `Axe ${language.code} (${Date.now()})`);
    await page.goto(`/?pair=${code}`);
    await expect(openDialog).toBeVisible();
    await expectNoAxeViolations(page);
    await openDialog.getByRole('button').last().click();
    await expect(openDialog).toHaveCount(0);

    await expect(start.categoryTiles.first()).toBeVisible();
    await start.chooseLanguage(language.nativeName);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
    await expectNoAxeViolations(page);

    // A category's guides, then a step with its picture.
    await start.openCategory(t('categories.bankid'));
    await expect(start.guideButtons.first()).toBeVisible();
    await expectNoAxeViolations(page);
    await start.openGuide(titleIn(GUIDE, language.code));
    await player.expectPictureShown();
    await expect(page.locator('main img')).not.toHaveCount(0);
    await expectNoAxeViolations(page);

    // Call a helper: the dialog with its optional needs.
    await header.callHelper.click();
    await expect(openDialog.getByRole('button', { name: t('help.callNow') })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(openDialog).toHaveCount(0);

    // Nobody touches the screen for longer than the longest idle setting.
    await page.clock.fastForward('31:00');
    await expect(openDialog).toContainText(t('idle.title'));
    await expectNoAxeViolations(page);
    await openDialog.getByRole('button', { name: t('idle.stay') }).click();
    await expect(openDialog).toHaveCount(0);

    // A guide not in the visitor's language says so, and which language it is shown in.
    if (language.code !== FALLBACK_LANGUAGE) {
      await header.goHome();
      await start.openCategory(t('categories.travel'));
      await expect(start.guideButtons.first()).toBeVisible();
      await expectNoAxeViolations(page);
      await start.openGuide(titleIn(UNTRANSLATED, FALLBACK_LANGUAGE));
      await expect(page.locator('.fallback-notice')).toBeVisible();
      await player.expectPictureShown();
      await expectNoAxeViolations(page);
    }

    // High contrast, then text at 200 %, on a step: still clean, and nothing scrolls sideways.
    await header.setHighContrast(true);
    await expectNoAxeViolations(page);
    await header.largestText();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await header.goHome();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Staff's setup, behind the logo held for three seconds.
    await header.holdLogo();
    await expect(openDialog).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(openDialog).toHaveCount(0);

    // A call made: the panel on every screen, and the dialog now shows how the call stands.
    await header.callHelper.click();
    await openDialog.getByRole('button', { name: t('help.callNow') }).click();
    await expect(page.locator('.help-call-panel')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

const VIEWPORTS = [
  { name: 'a tablet', width: 1024, height: 768 },
  { name: 'a phone', width: 360, height: 740 },
  // What 1024 × 768 is at 200 % browser zoom.
  { name: 'a tablet at 200 % zoom', width: 512, height: 384 },
];

for (const viewport of VIEWPORTS) {
  for (const code of ['sv', 'ar'] as const) {
    test(`on ${viewport.name} in ${code}, at 100 % and 200 % text, every screen reflows and Call a helper keeps its place`, async ({
      page,
    }) => {
      const t = kioskWords(code);
      const language = KIOSK_UI_LANGUAGES.find((candidate) => candidate.code === code);
      if (!language) throw new Error(`The kiosk has no ${code}`);
      const start = new KioskStartPage(page);
      const header = new KioskHeader(page);
      await page.setViewportSize(viewport);
      await start.goto();
      await start.chooseLanguage(language.nativeName);

      for (const largeText of [false, true]) {
        if (largeText) await header.largestText();
        const places = new Set<string>();
        const check = async () => {
          await expectNoHorizontalScroll(page);
          const call = await header.callHelperBox();
          places.add(JSON.stringify(call));
          // On screen, on the header's first line, at its end (the start, right to left).
          expect(call.x).toBeGreaterThanOrEqual(0);
          expect(call.x + call.width).toBeLessThanOrEqual(viewport.width);
          const others = await page
            .locator('.kiosk-header button, .kiosk-header .brand')
            .evaluateAll((elements) =>
              elements
                .filter((element) => !element.classList.contains('call-helper'))
                .map((element) => {
                  const box = element.getBoundingClientRect();
                  return {
                    top: box.top + window.scrollY,
                    left: box.left + window.scrollX,
                    right: box.right + window.scrollX,
                  };
                }),
            );
          for (const other of others) {
            expect(call.y).toBeLessThanOrEqual(Math.round(other.top) + 1);
            const onFirstLine = other.top < call.y + call.height;
            if (!onFirstLine) continue;
            if (language.dir === 'ltr') expect(call.x).toBeGreaterThanOrEqual(other.right - 1);
            else expect(call.x + call.width).toBeLessThanOrEqual(other.left + 1);
          }
        };
        await check();
        await start.openCategory(t('categories.bankid'));
        await expect(start.guideButtons.first()).toBeVisible();
        await check();
        await start.openGuide(titleIn(GUIDE, code));
        await expect(page.locator('.step-counter')).toBeVisible();
        await check();
        await header.goHome();
        expect([...places]).toHaveLength(1);
      }
    });
  }
}

test("the kiosk follows the device's settings: more contrast, reduced motion, forced colours", async ({
  page,
}) => {
  const start = new KioskStartPage(page);
  const header = new KioskHeader(page);
  const progressTransition = () =>
    page.locator('.progress-fill').evaluate((fill) => getComputedStyle(fill).transitionDuration);

  // Without any setting: standard contrast, and the progress bar glides.
  await start.goto();
  await expect(header.contrastToggle).toHaveAttribute('aria-pressed', 'false');
  await start.openCategory('BankID');
  await start.openGuide(titleIn(GUIDE, 'sv'));
  expect(await progressTransition()).toBe('0.3s');

  // A device asking for more contrast and less motion: high contrast from the start, no motion.
  await page.emulateMedia({ contrast: 'more', reducedMotion: 'reduce' });
  await page.reload();
  await expect(start.categoryTiles.first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(header.contrastToggle).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);
  await start.openCategory('BankID');
  await start.openGuide(titleIn(GUIDE, 'sv'));
  expect(await progressTransition()).toBe('0s');
  // The visitor may still turn it off.
  await header.setHighContrast(false);
  await expectNoAxeViolations(page);

  // Windows-style forced colours: still clean, and the progress still stands out from its track.
  await page.emulateMedia({ contrast: null, reducedMotion: null, forcedColors: 'active' });
  await expectNoAxeViolations(page);
  const [fill, track] = await Promise.all(
    ['.progress-fill', '.progress-track'].map((selector) =>
      page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor),
    ),
  );
  expect(fill).not.toBe(track);
});

for (const width of [1024, 360]) {
  test(`the staff screens are axe clean at ${width} px: login, branches, a call in the queue, history`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const location = `Axe-hörnan ${width} (${Date.now()})`;
    const pairingCode = addTablet('Axe-surfplatta', location);
    const email = `a11y-staff-${width}-${Date.now()}@bibliotek.example.se`;
    const password = 'ett tillräckligt långt lösenord';
    addStaff(email, password);

    const staffContext = await browser.newContext({ viewport: { width, height: 800 } });
    const staff = new StaffPage(await staffContext.newPage());
    await staff.openLogin();
    await expectNoAxeViolations(staff.page);
    await staff.submitLogin(email, password);
    await expectNoAxeViolations(staff.page);
    await staff.chooseBranch('Stadsbiblioteket (demo)');
    await expectNoAxeViolations(staff.page);

    // A visitor calls from a tablet; the call appears in the queue.
    const kioskContext = await browser.newContext();
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`/?pair=${pairingCode}`);
    await kiosk.locator('dialog[open]').getByRole('button').last().click();
    const header = new KioskHeader(kiosk);
    await header.callHelper.click();
    await kiosk.getByRole('button', { name: 'Be om hjälp nu' }).click();
    await expect(staff.callsAt(location)).toHaveCount(1);
    await expectNoAxeViolations(staff.page);

    await staff.acknowledge(location);
    await expect(staff.callsAt(location).getByRole('button', { name: 'Klar' })).toBeVisible();
    await expectNoAxeViolations(staff.page);
    await staff.finish(location);
    await expect(staff.callsAt(location).getByRole('button', { name: 'Jag kommer' })).toHaveCount(
      0,
    );
    await expectNoAxeViolations(staff.page);

    await kioskContext.close();
    await staffContext.close();
  });
}
