import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { addStaff, addTablet } from './operator-cli.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { HelpCallPanel } from './page-models/help-call-panel.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { StaffPage } from './page-models/staff-page.ts';
import { seedGuide } from './seed-guides.ts';

test('a call made offline survives a reload, reaches staff once, and the kiosk hears a helper is coming', async ({
  browser,
}) => {
  const location = `Plan 2, vid skrivarna (${test.info().workerIndex}-${Date.now()})`;
  const code = addTablet('E2E-surfplatta', location);
  const password = 'ett tillräckligt långt lösenord';
  const email = `desk-${Date.now()}@bibliotek.example.se`;
  addStaff(email, password);

  // The tablet: paired through its pairing link, then ready for the network to go away.
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`/?pair=${code}`);
  const paired = kiosk.getByRole('dialog', { name: 'Koppla surfplattan' });
  await expect(paired).toContainText('Surfplattan är kopplad: E2E-surfplatta');
  await paired.getByRole('button', { name: 'Stäng' }).click();
  await expect(kiosk).toHaveURL(/\/$/);
  const start = new KioskStartPage(kiosk);
  await expect(start.categoryTiles.first()).toBeVisible();
  await start.waitForServiceWorkerControl();

  // Staff at the desk, in another browser context.
  const staffContext = await browser.newContext();
  const staff = new StaffPage(await staffContext.newPage());
  await staff.logIn(email, password, 'Stadsbiblioteket (demo)');

  // Offline, mid-guide, the visitor calls; the tablet reloads; the call is still there, saved.
  await kioskContext.setOffline(true);
  const guide = seedGuide('install-mobilt-bankid');
  await start.openCategory('BankID');
  await start.openGuide(guide.text.sv?.title ?? '');
  await new GuidePlayerPage(kiosk).next();
  const help = new HelpCallPanel(kiosk);
  await help.callForHelp(['Jag ser dåligt']);
  const saved = 'Sparat – personalen får veta så snart anslutningen är tillbaka.';
  await expect(help.status).toContainText(saved);
  await kiosk.reload();
  await expect(help.status).toContainText(saved);
  await expect(staff.callsAt(location)).toHaveCount(0);

  // The network returns: staff see the call once, with the guide, step, language and need.
  await kioskContext.setOffline(false);
  await expect(staff.callsAt(location)).toHaveCount(1);
  const card = staff.callsAt(location);
  await expect(card).toContainText(guide.text.sv?.title ?? '');
  await expect(card).toContainText('steg 2');
  await expect(card).toContainText('Svenska');
  await expect(card).toContainText('Ser dåligt');
  await expect(help.status).toContainText('Personalen har fått besked.');
  await expectNoAxeViolations(staff.page);
  await expectNoAxeViolations(kiosk);

  await staff.acknowledge(location);
  await expect(help.status).toContainText('En hjälpare är på väg.');
  await expect(staff.callsAt(location)).toHaveCount(1);

  await kioskContext.close();
  await staffContext.close();
});
