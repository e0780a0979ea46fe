import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { lotsen } from './operator-cli.ts';
import { GuideEditorPage } from './page-models/guide-editor-page.ts';
import { seedGuide } from './seed-guides.ts';

const SECTIONS = [
  { path: '/admin/guides', heading: 'Guider' },
  {
    path: '/admin/guides/install-mobilt-bankid?lang=ar',
    heading: seedGuide('install-mobilt-bankid').text.sv?.title ?? '',
  },
  { path: '/admin/translations', heading: 'Översättningar' },
  { path: '/admin/packs', heading: 'Guidepaket' },
  { path: '/admin/users', heading: 'Användare' },
  { path: '/admin/branches', heading: 'Bibliotek' },
  { path: '/admin/tablets', heading: 'Surfplattor' },
  { path: '/admin/settings', heading: 'Inställningar' },
];

for (const width of [1024, 360]) {
  test(`every admin screen is axe clean at ${width} px wide`, async ({ page }) => {
    // Eight screens, each checked by axe: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    const password = 'ett tillräckligt långt lösenord';
    const email = `admin-a11y-${width}-${Date.now()}@bibliotek.example.se`;
    lotsen(['user', 'add', email, '--role', 'admin'], `${password}\n`);
    await page.setViewportSize({ width, height: 800 });
    // The login screen first: the one every admin and editor meets.
    await page.goto('/admin');
    await expect(page.getByLabel('E-postadress')).toBeVisible();
    await expectNoAxeViolations(page);
    await new GuideEditorPage(page).logIn(email, password);

    for (const section of SECTIONS) {
      await page.goto(section.path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(section.heading);
      // Wait for the section's data, not just its frame.
      await expect(page.getByRole('status').filter({ hasText: /Hämtar/ })).toHaveCount(0);
      await expectNoAxeViolations(page);
    }
  });
}
