// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { GuidePlayer, type GuidePlayerProps } from '../../src/kiosk/GuidePlayer.tsx';
import { guideOnPhoneUrl, hostOf } from '../../src/kiosk/phone/guide-on-phone-url.ts';
import { StepLinkCard } from '../../src/kiosk/phone/StepLinkCard.tsx';
import type { Guide } from '../../src/shared/content/guide.ts';
import { BANKID_GUIDE, LIBRARY } from '../fixtures/kiosk-guides.ts';

const SERVICE = 'https://www.forsakringskassan.se/privatperson';

/** The BankID guide with a link to the service on its second step. */
const LINKED_GUIDE: Guide = {
  ...BANKID_GUIDE,
  steps: BANKID_GUIDE.steps.map((step, index) =>
    index === 1 ? { ...step, link: { url: SERVICE } } : step,
  ),
};

beforeEach(async () => {
  await changeKioskLanguage('en');
});
afterEach(cleanup);

function renderPlayer(props: Partial<GuidePlayerProps> = {}) {
  return render(
    <GuidePlayer
      guide={LINKED_GUIDE}
      visitorLanguage="en"
      fallbackLanguage="sv"
      settings={LIBRARY}
      onLeave={() => undefined}
      onFinish={() => undefined}
      {...props}
    />,
  );
}

/** Opens "On your phone" and returns the address its QR code holds. */
async function addressInPhoneQr(): Promise<string | null> {
  fireEvent.click(screen.getByRole('button', { name: 'On your phone' }));
  const dialog = screen.getByRole('dialog', { name: 'This guide on your phone' });
  expect(
    within(dialog).getByText(
      "Scan with your phone's camera to read this guide on your own phone. Nothing about you is sent.",
    ),
  ).toBeTruthy();
  const qr = await within(dialog).findByRole('img', {
    name: 'QR code that opens this guide on your phone',
  });
  return qr.getAttribute('data-qr-text');
}

describe("a step's link to the service", { timeout: 30_000 }, () => {
  it('is a QR code with the host name in words, and no link', async () => {
    const { container } = renderPlayer();
    expect(screen.queryByRole('heading', { name: 'Continue on your phone' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const card = screen.getByRole('region', { name: 'Continue on your phone' });
    const host = within(card).getByText('www.forsakringskassan.se');
    expect(host.getAttribute('dir')).toBe('ltr');
    const qr = await within(card).findByRole('img', {
      name: 'QR code that opens www.forsakringskassan.se',
    });
    expect(qr.getAttribute('data-qr-text')).toBe(SERVICE);
    // A real code: the background and many runs of dark modules.
    expect(qr.querySelectorAll('rect').length).toBeGreaterThan(20);
    expect(container.querySelectorAll('a, [href]')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.queryByRole('region', { name: 'Continue on your phone' })).toBeNull();
  });

  it('draws the code of the address it is given', async () => {
    render(<StepLinkCard link={{ url: 'https://www.bankid.com/en/security' }} />);
    const qr = await screen.findByRole('img', { name: 'QR code that opens www.bankid.com' });
    expect(qr.getAttribute('data-qr-text')).toBe('https://www.bankid.com/en/security');
  });
});

describe('this guide on your phone', { timeout: 30_000 }, () => {
  it("opens the guide's phone page at the visitor's step, on the tablet's own address", async () => {
    renderPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await addressInPhoneQr()).toBe(
      `${window.location.origin}/phone/guides/install-mobilt-bankid?lang=en#step-2`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("uses the library's public address when it has one", async () => {
    renderPlayer({ publicUrl: 'https://lotsen.bibliotek.example.se/kiosk' });
    expect(await addressInPhoneQr()).toBe(
      'https://lotsen.bibliotek.example.se/kiosk/phone/guides/install-mobilt-bankid?lang=en#step-1',
    );
  });

  it('names the language the guide is shown in, not the one the visitor chose', async () => {
    // The guide has no Arabic: the kiosk shows it in the library's fallback, English.
    renderPlayer({ visitorLanguage: 'ar', fallbackLanguage: 'en' });
    expect(await addressInPhoneQr()).toBe(
      `${window.location.origin}/phone/guides/install-mobilt-bankid?lang=en#step-1`,
    );
    cleanup();
    renderPlayer({ visitorLanguage: 'sv' });
    expect(await addressInPhoneQr()).toBe(
      `${window.location.origin}/phone/guides/install-mobilt-bankid?lang=sv#step-1`,
    );
  });
});

describe('guideOnPhoneUrl', () => {
  it('joins the base, the guide, the language and the step', () => {
    const address = (base: string) =>
      guideOnPhoneUrl({ base, guideId: 'buy-bus-ticket', language: 'sv-x-ll', stepNumber: 7 });
    expect(address('https://lotsen.example.se')).toBe(
      'https://lotsen.example.se/phone/guides/buy-bus-ticket?lang=sv-x-ll#step-7',
    );
    expect(address('https://lotsen.example.se/')).toBe(address('https://lotsen.example.se'));
    expect(address('http://192.168.1.20:8080/lotsen/')).toBe(
      'http://192.168.1.20:8080/lotsen/phone/guides/buy-bus-ticket?lang=sv-x-ll#step-7',
    );
  });

  it('reads a host name out of an address', () => {
    expect(hostOf('https://www.bankid.com/en/security')).toBe('www.bankid.com');
    expect(hostOf('not an address')).toBe('not an address');
  });
});
