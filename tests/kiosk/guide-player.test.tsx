// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { GuidePlayer, type GuidePlayerProps } from '../../src/kiosk/GuidePlayer.tsx';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY, LIBRARY } from '../fixtures/kiosk-guides.ts';

afterEach(cleanup);

async function renderPlayer(props: Partial<GuidePlayerProps> = {}) {
  const onLeave = vi.fn();
  const onFinish = vi.fn();
  const visitorLanguage = props.visitorLanguage ?? 'en';
  await changeKioskLanguage(visitorLanguage);
  render(
    <GuidePlayer
      guide={BANKID_GUIDE}
      visitorLanguage={visitorLanguage}
      fallbackLanguage="sv"
      settings={LIBRARY}
      onLeave={onLeave}
      onFinish={onFinish}
      {...props}
    />,
  );
  return { onLeave, onFinish };
}

const heading = () => screen.getByRole('heading', { level: 1 });

describe('GuidePlayer', () => {
  it('shows one step at a time and pages with Next and Back', async () => {
    await renderPlayer();
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(heading().textContent).toBe('Check what you need');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(heading().textContent).toBe('Install the BankID app');

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(heading().textContent).toBe('Check what you need');
  });

  it("moves focus to the step's heading on every step", async () => {
    await renderPlayer();
    expect(document.activeElement).toBe(heading());
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(document.activeElement).toBe(heading());
    expect(document.activeElement?.textContent).toBe('Install the BankID app');
  });

  it('turns Next into Done on the last step, which finishes the guide', async () => {
    const { onFinish } = await renderPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Step 3 of 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onFinish).toHaveBeenCalledOnce();
  });

  it('goes back to the list from the first step', async () => {
    const { onLeave } = await renderPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('shows the step in one language, with callouts named in words and settings filled in', async () => {
    await renderPlayer();
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en');
    expect(screen.getByRole('note').textContent).toContain('Tip');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(/Ask the staff at/).textContent).toBe(
      'Ask the staff at informationsdisken vid entrén.',
    );
    expect(screen.getByRole('note').textContent).toContain('Privacy');
  });

  it("says so when the guide is not in the visitor's language, and shows it whole in the fallback", async () => {
    await renderPlayer({ guide: BUS_GUIDE_SWEDISH_ONLY, visitorLanguage: 'en' });
    expect(
      screen.getByText('This guide is not yet in your language. It is shown in Swedish.'),
    ).toBeTruthy();
    const step = screen.getByRole('article');
    expect(step.getAttribute('lang')).toBe('sv');
    expect(step.getAttribute('dir')).toBe('ltr');
    expect(heading().textContent).toBe('Öppna appen');
    expect(step.textContent).toContain('Öppna appen Västtrafik To Go i mobilen.');
    // The controls stay in the visitor's language.
    expect(screen.getByText('Step 1 of 2')).toBeTruthy();
  });

  it("uses the library's fallback language before Swedish", async () => {
    await renderPlayer({ visitorLanguage: 'ar', fallbackLanguage: 'en' });
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en');
    expect(heading().textContent).toBe('Check what you need');
    expect(screen.getByText('الخطوة 1 من 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'التالي' })).toBeTruthy();
  });

  it("shows no notice when the guide is in the visitor's language", async () => {
    await renderPlayer({ visitorLanguage: 'sv' });
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();
    expect(screen.queryByText(/inte på ditt språk/)).toBeNull();
  });
});
