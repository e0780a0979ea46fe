// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import { TEXT_SCALES } from '../../src/kiosk/text-size.ts';
import { BANKID_GUIDE } from '../fixtures/kiosk-guides.ts';
import { freshKiosk, showGuides } from './kiosk-state.ts';

/** A device whose accessibility settings do (or do not) ask for more contrast. */
function deviceAsksForMoreContrast(more: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: more && query === '(prefers-contrast: more)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const contrastOnPage = () => document.documentElement.dataset.contrast;

beforeEach(freshKiosk);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('display controls', () => {
  it('offers text from 100 % up to at least 200 %', () => {
    expect(TEXT_SCALES[0]).toBe(1);
    expect(Math.max(...TEXT_SCALES)).toBeGreaterThanOrEqual(2);
  });

  it('switches the whole page to high contrast and back with one toggle', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    const toggle = await screen.findByRole('button', { name: 'Hög kontrast' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(contrastOnPage()).toBe('standard');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(contrastOnPage()).toBe('high');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(contrastOnPage()).toBe('standard');
  });

  it('starts in high contrast when the device asks for more contrast', async () => {
    deviceAsksForMoreContrast(true);
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    const toggle = await screen.findByRole('button', { name: 'Hög kontrast' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(contrastOnPage()).toBe('high');
  });

  it('leaves no palette behind when the kiosk closes', async () => {
    await showGuides([BANKID_GUIDE]);
    const { unmount } = render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Hög kontrast' }));
    expect(contrastOnPage()).toBe('high');
    unmount();
    expect(contrastOnPage()).toBeUndefined();
  });

  it('forgets high contrast when the kiosk starts over for the next visitor', async () => {
    deviceAsksForMoreContrast(false);
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    const toggle = await screen.findByRole('button', { name: 'Hög kontrast' });

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    fireEvent.click(toggle);
    fireEvent.pointerDown(document.body); // the last touch, timed with the fake clock
    expect(contrastOnPage()).toBe('high');
    // Longer than the longest idle setting: the kiosk asks, nobody answers, it starts over.
    act(() => {
      vi.advanceTimersByTime(1800 * 1000);
    });
    expect(screen.getByRole('dialog')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(120_000);
      await vi.runOnlyPendingTimersAsync();
    });
    vi.useRealTimers();
    expect(contrastOnPage()).toBe('standard');
    expect(screen.getByRole('button', { name: 'Hög kontrast' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });
});
