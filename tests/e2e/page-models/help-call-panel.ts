import { expect, type Locator, type Page } from '@playwright/test';

/** Call a helper on the kiosk: the dialog, and the status panel shown on every screen. */
export class HelpCallPanel {
  constructor(readonly page: Page) {}

  async callForHelp(needs: string[] = []): Promise<void> {
    await this.page.getByRole('button', { name: 'Be om hjälp', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Hjälp från personalen' });
    for (const need of needs) await dialog.getByRole('button', { name: need }).click();
    await dialog.getByRole('button', { name: 'Be om hjälp nu' }).click();
    await expect(dialog).toBeHidden();
  }

  get status(): Locator {
    return this.page.getByRole('region', { name: 'Hjälp från personalen' }).getByRole('status');
  }
}
