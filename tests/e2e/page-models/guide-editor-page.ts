import { expect, type Locator, type Page } from '@playwright/test';

/** The admin area's guide editor at /admin/guides/:id, Swedish beside one translation. */
export class GuideEditorPage {
  constructor(readonly page: Page) {}

  async logIn(email: string, password: string): Promise<void> {
    await this.page.goto('/admin');
    await this.page.getByLabel('E-postadress').fill(email);
    await this.page.getByLabel('Lösenord', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Logga in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Guider', level: 1 })).toBeVisible();
  }

  /** Opens a guide with `language` as the translation column (the matrix links the same way). */
  async open(guideId: string, language: string): Promise<void> {
    await this.page.goto(`/admin/guides/${guideId}?lang=${language}`);
    await expect(this.saveButton).toBeVisible();
  }

  /** The editor has the same Save button above and below the steps. */
  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Spara utkast' }).first();
  }

  /** The translation column of a step (1-based). */
  translationOf(stepNumber: number): Locator {
    return this.page
      .getByRole('listitem', { name: new RegExp(`^Steg ${stepNumber}:`) })
      .getByRole('group', { name: /\(översättning\)$/ });
  }

  stepBody(column: Locator): Locator {
    return column.getByRole('textbox', { name: 'Text', exact: true });
  }

  async saveDraft(): Promise<void> {
    await this.saveButton.click();
    await expect(this.page.getByText('Osparade ändringar')).toHaveCount(0);
  }

  /** Publishes and waits for the version number the server gave. */
  async publish(note: string): Promise<void> {
    await this.page.getByLabel('Anteckning till historiken (valfri)').fill(note);
    await this.page.getByRole('button', { name: 'Publicera', exact: true }).click();
    await expect(this.page.getByText(/Version \d+ är publicerad/)).toBeVisible();
  }
}
