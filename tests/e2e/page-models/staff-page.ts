import { expect, type Locator, type Page } from '@playwright/test';

/** The staff view at /staff: login, branch, the live queue. */
export class StaffPage {
  constructor(readonly page: Page) {}

  async logIn(email: string, password: string, branch: string): Promise<void> {
    await this.openLogin();
    await this.submitLogin(email, password);
    await this.chooseBranch(branch);
  }

  /** The login form, before anyone has logged in. */
  async openLogin(): Promise<void> {
    await this.page.goto('/staff');
    await expect(this.page.getByLabel('E-postadress')).toBeVisible();
  }

  /** Logs in and waits for the branch picker. */
  async submitLogin(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-postadress').fill(email);
    await this.page.getByLabel('Lösenord').fill(password);
    await this.page.getByRole('button', { name: 'Logga in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Välj bibliotek' })).toBeVisible();
  }

  async chooseBranch(branch: string): Promise<void> {
    await this.page.getByRole('button', { name: branch }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  }

  async finish(location: string): Promise<void> {
    await this.callsAt(location).getByRole('button', { name: 'Klar' }).click();
  }

  /** The call cards of visitors at this location (each card is named by where the tablet stands). */
  callsAt(location: string): Locator {
    return this.page.getByRole('article', { name: location });
  }

  async acknowledge(location: string): Promise<void> {
    await this.callsAt(location).getByRole('button', { name: 'Jag kommer' }).click();
  }
}
