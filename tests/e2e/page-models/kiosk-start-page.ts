import { expect, type Page } from '@playwright/test';

/** The kiosk's start screen: language picker and category tiles. */
export class KioskStartPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.categoryTiles.first()).toBeVisible();
  }

  get categoryTiles() {
    return this.page.locator('.categories').getByRole('button');
  }

  async chooseLanguage(nativeName: string): Promise<void> {
    await this.page.getByRole('button', { name: nativeName, exact: true }).click();
    await expect(this.page.getByRole('button', { name: nativeName, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }

  async openCategory(name: string): Promise<void> {
    await this.categoryTiles.filter({ hasText: name }).click();
  }

  /** Guide buttons on the guide list screen. */
  get guideButtons() {
    return this.page
      .locator('main')
      .getByRole('button')
      .filter({ has: this.page.locator('.guide-button-title') });
  }

  async openGuide(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title }).click();
  }

  async waitForServiceWorkerControl(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
  }
}
