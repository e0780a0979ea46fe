import { expect, type Locator, type Page } from '@playwright/test';

/** The guide player: one step per screen with Back and Next. */
export class GuidePlayerPage {
  constructor(
    readonly page: Page,
    private readonly words = { next: 'Nästa', back: 'Tillbaka', finish: 'Klar' },
  ) {}

  get counter(): Locator {
    return this.page.locator('.step-counter');
  }

  get stepTitle(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get picture(): Locator {
    return this.page.locator('main img');
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.next, exact: true }).click();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.back, exact: true }).click();
  }

  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.finish, exact: true }).click();
  }

  /** "Step 3 of 8" → { current: 3, total: 8 }, whatever the language. */
  async position(): Promise<{ current: number; total: number }> {
    const [current, total] =
      ((await this.counter.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    if (current === undefined || total === undefined) throw new Error('No step counter on screen');
    return { current, total };
  }

  /** Passes when the step has no picture, or its picture has really been decoded. */
  async expectPictureShown(): Promise<void> {
    if ((await this.picture.count()) === 0) return;
    await expect(this.picture).toHaveJSProperty('complete', true);
    expect(
      await this.picture.evaluate((image: HTMLImageElement) => image.naturalWidth),
    ).toBeGreaterThan(0);
    await expect(this.picture).toHaveAttribute('alt', /\S/);
  }

  /** Pages from the first step to the last, checking every step, and returns the titles seen. */
  async pageThroughAllSteps(): Promise<string[]> {
    const titles: string[] = [];
    const { total } = await this.position();
    for (let step = 1; step <= total; step++) {
      await expect(this.counter).toContainText(String(step));
      expect(await this.position()).toEqual({ current: step, total });
      await this.expectPictureShown();
      titles.push((await this.stepTitle.textContent()) ?? '');
      if (step < total) await this.next();
    }
    return titles;
  }
}
