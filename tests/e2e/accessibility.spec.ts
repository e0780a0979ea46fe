import { test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

for (const language of [
  {
    nativeName: 'Svenska',
    guideTitle: (id: string) => seedGuide(id).text.sv?.title,
    bankid: 'BankID',
  },
  {
    nativeName: 'العربية',
    guideTitle: (id: string) => seedGuide(id).text.ar?.title,
    bankid: 'BankID',
  },
]) {
  test(`axe finds no violations on the start screen and a guide step (${language.nativeName})`, async ({
    page,
  }) => {
    const start = new KioskStartPage(page);
    await start.goto();
    await start.chooseLanguage(language.nativeName);
    await expectNoAxeViolations(page);

    await start.openCategory(language.bankid);
    await start.openGuide(language.guideTitle('install-mobilt-bankid') ?? '');
    const player = new GuidePlayerPage(page);
    await player.expectPictureShown();
    await expectNoAxeViolations(page);
  });
}
