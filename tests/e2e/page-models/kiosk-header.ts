import { expect, type Locator, type Page } from '@playwright/test';

/** The bar on every kiosk screen: home, text size, high contrast, Call a helper. */
export class KioskHeader {
  constructor(readonly page: Page) {}

  get callHelper(): Locator {
    return this.page.locator('.kiosk-header .call-helper');
  }

  get home(): Locator {
    return this.page.locator('.kiosk-header-start').getByRole('button');
  }

  get contrastToggle(): Locator {
    return this.page.locator('.kiosk-header .contrast-toggle');
  }

  get largerText(): Locator {
    return this.page.locator('.kiosk-header .text-size button').last();
  }

  async goHome(): Promise<void> {
    await this.home.click();
    await expect(this.page.locator('.kiosk-header .brand')).toBeVisible();
  }

  async setHighContrast(on: boolean): Promise<void> {
    if ((await this.contrastToggle.getAttribute('aria-pressed')) !== String(on)) {
      await this.contrastToggle.click();
    }
    await expect(this.page.locator('html')).toHaveAttribute(
      'data-contrast',
      on ? 'high' : 'standard',
    );
  }

  /** Larger text until the control says it is at its largest (200 %). */
  async largestText(): Promise<void> {
    while ((await this.largerText.getAttribute('aria-disabled')) !== 'true') {
      await this.largerText.click();
    }
    await expect(this.page.locator('.text-size-value')).toContainText('200');
  }

  /**
   * Staff's way into setup: the logo held for three seconds. Needs the page's
   * clock installed (page.clock.install) so that the hold takes no real time.
   */
  async holdLogo(): Promise<void> {
    await this.page.locator('.kiosk-header .brand').hover();
    await this.page.mouse.down();
    await this.page.clock.runFor(3_100);
    await this.page.mouse.up();
  }

  /** Where Call a helper is on the page (not the viewport, which may have scrolled), in whole pixels. */
  async callHelperBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.callHelper.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return {
        x: Math.round(box.x + window.scrollX),
        y: Math.round(box.y + window.scrollY),
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
    });
  }
}
