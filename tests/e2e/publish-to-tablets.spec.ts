import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { lotsen } from './operator-cli.ts';
import { GuideEditorPage } from './page-models/guide-editor-page.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

const ARABIC_WORDS = { next: 'التالي', back: 'رجوع', finish: 'تم' };

/** Whether the tablet has downloaded a release it has not applied yet (read from its IndexedDB). */
function hasStagedRelease(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('lotsen-kiosk');
        open.onerror = () => {
          reject(open.error ?? new Error('IndexedDB did not open'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('stagedRelease').objectStore('stagedRelease').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result > 0);
          };
          count.onerror = () => {
            reject(count.error ?? new Error('No count'));
          };
        };
      }),
  );
}

test("an editor's Arabic change reaches a kiosk between visitors; offline the kiosk keeps the old version whole", async ({
  browser,
}) => {
  const guide = seedGuide('forsakringskassan-mina-sidor');
  const title = guide.text.ar?.title ?? '';
  const oldBody = guide.steps[0]?.text.ar?.body ?? '';
  const oldFirstParagraph = oldBody.split('\n\n')[0] ?? '';
  const added = `اسأل موظفي المكتبة إذا احتجت إلى مساعدة (${Date.now()}).`;

  const password = 'ett tillräckligt långt lösenord';
  const editorEmail = `redaktor-${Date.now()}@bibliotek.example.se`;
  // An admin exists, so /admin offers the login rather than the one-time setup.
  lotsen(
    ['user', 'add', `admin-${Date.now()}@bibliotek.example.se`, '--role', 'admin'],
    `${password}\n`,
  );
  lotsen(['user', 'add', editorEmail, '--role', 'editor'], `${password}\n`);

  // A kiosk with the current guides, ready to lose its network.
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  const start = new KioskStartPage(kiosk);
  await start.goto();
  await start.waitForServiceWorkerControl();
  await kioskContext.setOffline(true);

  // The editor, in another browser, changes step 1's Arabic text and publishes.
  const editorContext = await browser.newContext();
  const editor = new GuideEditorPage(await editorContext.newPage());
  await editor.logIn(editorEmail, password);
  await editor.open(guide.id, 'ar');
  const arabic = editor.translationOf(1);
  await expect(editor.stepBody(arabic)).toHaveValue(oldBody);
  await expect(editor.stepBody(arabic)).toHaveAttribute('dir', 'rtl');
  await editor.stepBody(arabic).fill(`${oldBody}\n\n${added}`);
  await editor.saveDraft();
  await expectNoAxeViolations(editor.page);
  await editor.publish('Arabiska: hänvisning till personalen i steg 1');

  // Offline, the kiosk keeps the old release, whole, also after a reload.
  await kiosk.reload();
  await start.chooseLanguage('العربية');
  await start.openCategory('الجهات الحكومية');
  await start.openGuide(title);
  const player = new GuidePlayerPage(kiosk, ARABIC_WORDS);
  const titles = await player.pageThroughAllSteps();
  expect(titles).toEqual(guide.steps.map((step) => step.text.ar?.title));
  const home = kiosk.getByRole('button', { name: 'البداية' });
  await home.click();
  await start.openCategory('الجهات الحكومية');
  await start.openGuide(title);
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.ar?.title ?? '');
  await expect(kiosk.locator('.step-body')).toContainText(oldFirstParagraph);
  await expect(kiosk.locator('.step-body')).not.toContainText(added);

  // The network returns while a visitor is in the guide: the tablet downloads the release
  // but does not change the guide under the visitor's eyes.
  await kioskContext.setOffline(false);
  await expect.poll(() => hasStagedRelease(kiosk), { timeout: 20_000 }).toBe(true);
  await expect(kiosk.locator('.step-body')).not.toContainText(added);

  // Back on the start screen (between visitors) the new release is applied.
  await home.click();
  await expect.poll(() => hasStagedRelease(kiosk), { timeout: 20_000 }).toBe(false);
  await start.openCategory('الجهات الحكومية');
  await start.openGuide(title);
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.ar?.title ?? '');
  await expect(kiosk.locator('.step-body')).toContainText(added);
  await expect(kiosk.locator('.step-body')).toContainText(oldFirstParagraph);

  await kioskContext.close();
  await editorContext.close();
});
