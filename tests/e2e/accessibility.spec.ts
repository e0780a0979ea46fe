import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GuidePlayerPage } from './page-models/guide-player-page.ts';
import { KioskStartPage } from './page-models/kiosk-start-page.ts';
import { seedGuide } from './seed-guides.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

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
