import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addTablet, lotsen } from './operator-cli.ts';
import { GuideEditorPage } from './page-models/guide-editor-page.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

/** The kiosk's Arabic words, from the locale file the kiosk itself uses. */
const arabicWords = JSON.parse(
  readFileSync(new URL('../../locales/ar/kiosk.json', import.meta.url), 'utf8'),
) as {
  idle: { title: string; stay: string };
  help: { call: string; title: string; callNow: string; status: { saved: string } };
  textSize: { larger: string };
};
const ARABIC = {
  question: arabicWords.idle.title,
  stay: arabicWords.idle.stay,
  callHelper: arabicWords.help.call,
  helpTitle: arabicWords.help.title,
  callNow: arabicWords.help.callNow,
  saved: arabicWords.help.status.saved,
  larger: arabicWords.textSize.larger,
};
const SWEDISH_SAVED = 'Sparat – personalen får veta så snart anslutningen är tillbaka.';

/** The help calls in the tablet's outbox (its IndexedDB), as the outbox keeps them. */
function outboxCalls(page: Page): Promise<{ id: string; state: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; state: string }[]>((resolve, reject) => {
        const open = indexedDB.open('lotsen-kiosk');
        open.onerror = () => {
          reject(open.error ?? new Error('IndexedDB did not open'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('helpCalls').objectStore('helpCalls').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as { id: string; state: string }[]).map(({ id, state }) => ({
                id,
                state,
              })),
            );
          };
          all.onerror = () => {
            reject(all.error ?? new Error('No help calls'));
          };
        };
      }),
  );
}

test('the kiosk asks after the set idle time, can be kept, then forgets the visitor but keeps guides and the unsent call', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const password = 'ett tillräckligt långt lösenord';
  const adminEmail = `admin-idle-${Date.now()}@bibliotek.example.se`;
  lotsen(['user', 'add', adminEmail, '--role', 'admin'], `${password}\n`);

  // An admin sets the kiosks to ask after 30 seconds without a touch, in the admin area.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new GuideEditorPage(admin).logIn(adminEmail, password);
  await admin.goto('/admin/settings');
  await admin.getByLabel('Börja om efter (sekunder utan tryck)').fill('30');
  await admin.getByRole('button', { name: 'Spara' }).click();
  await expect(admin.getByText('Inställningarna är sparade.')).toBeVisible();
  await adminContext.close();

  // A paired tablet, its clock under the test's control (it runs on until told to jump).
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await kiosk.clock.install();
  const code = addTablet(
    'E2E-idle',
    `Vid entrén (${String(test.info().workerIndex)}-${String(Date.now())})`,
  );
  await kiosk.goto(`/?pair=${code}`);
  const paired = kiosk.getByRole('dialog', { name: 'Koppla surfplattan' });
  await expect(paired).toContainText('Surfplattan är kopplad: E2E-idle');
  await paired.getByRole('button', { name: 'Stäng' }).click();
  const start = new KioskStartPage(kiosk);
  await expect(start.categoryTiles.first()).toBeVisible();
  await start.waitForServiceWorkerControl();

  // A visitor: Arabic, bigger text, a guide; offline, they call for help and it is saved.
  const guide = seedGuide('install-mobilt-bankid');
  await start.chooseLanguage('العربية');
  await kiosk.getByRole('button', { name: ARABIC.larger }).click();
  await start.openCategory('BankID');
  await start.openGuide(guide.text.ar?.title ?? '');
  const player = new GuidePlayerPage(kiosk, { next: 'التالي', back: 'رجوع', finish: 'تم' });
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.ar?.title ?? '');
  await kiosk.evaluate(() => {
    sessionStorage.setItem('lotsen-visit', 'something of this visit');
  });
  await kioskContext.setOffline(true);
  await kiosk.getByRole('button', { name: ARABIC.callHelper, exact: true }).click();
  const helpDialog = kiosk.getByRole('dialog', { name: ARABIC.helpTitle });
  await helpDialog.getByRole('button', { name: ARABIC.callNow }).click();
  await expect(helpDialog).toBeHidden();
  const helpStatus = kiosk.locator('.help-call-words');
  await expect(helpStatus).toContainText(ARABIC.saved);
  const [call] = await outboxCalls(kiosk);
  expect(call?.state).toBe('queued');
  await expect(kiosk.locator('html')).toHaveAttribute('dir', 'rtl');
  const scale = () =>
    kiosk.evaluate(() => document.documentElement.style.getPropertyValue('--text-scale'));
  expect(await scale()).toBe('1.25');

  // A waiting call holds the kiosk (staff may be on their way), for half an hour at most.
  const question = kiosk.getByRole('dialog', { name: ARABIC.question });
  await kiosk.clock.fastForward('10:00');
  await expect(question).toBeHidden();
  await kiosk.clock.fastForward('21:00');

  // Then 30 seconds without a touch: the question, counting down from 30.
  await kiosk.clock.fastForward('00:31');
  await expect(question).toBeVisible();
  await expect(question.locator('.still-here-seconds')).toHaveText('30');
  await kiosk.clock.fastForward('00:05');
  await expect(question.locator('.still-here-seconds')).not.toHaveText('30');

  // "Still here": the visitor keeps everything, and the wait starts again.
  await question.getByRole('button', { name: ARABIC.stay }).click();
  await expect(question).toBeHidden();
  await kiosk.clock.fastForward('00:25');
  await expect(question).toBeHidden();
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.ar?.title ?? '');
  await kiosk.clock.fastForward('00:06');
  await expect(question).toBeVisible();

  // Nobody answers: the kiosk starts over for the next visitor.
  await kiosk.clock.fastForward('00:31');
  await expect(question).toBeHidden();
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'Välkommen! Här får du hjälp steg för steg.' }),
  ).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Svenska', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(kiosk.locator('html')).toHaveAttribute('dir', 'ltr');
  expect(await scale()).toBe('1');
  expect(await kiosk.evaluate(() => sessionStorage.length)).toBe(0);

  // Kept: the unsent call (still shown, still to be sent) and the guides, offline.
  await expect(helpStatus).toContainText(SWEDISH_SAVED);
  expect(await outboxCalls(kiosk)).toEqual([{ id: call?.id, state: 'queued' }]);
  await start.openCategory('BankID');
  await start.openGuide(guide.text.sv?.title ?? '');
  await expect(player.stepTitle).toHaveText(guide.steps[0]?.text.sv?.title ?? '');

  // Back online, the call is delivered.
  await kioskContext.setOffline(false);
  await expect(helpStatus).toContainText('Personalen har fått besked.', { timeout: 20_000 });
  expect(await outboxCalls(kiosk)).toEqual([{ id: call?.id, state: 'delivered' }]);

  await kioskContext.close();
});
