// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import type { Guide } from '../../src/shared/content/guide.ts';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY } from '../fixtures/kiosk-guides.ts';
import { freshKiosk, showGuides } from './kiosk-state.ts';

beforeEach(freshKiosk);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('KioskApp', () => {
  it('asks for patience until the tablet has its first guides', async () => {
    render(<KioskApp />);
    expect(await screen.findByText('Guiderna görs i ordning …')).toBeTruthy();
    await showGuides([BANKID_GUIDE]);
    expect(await screen.findByRole('button', { name: 'BankID' })).toBeTruthy();
  });

  it('draws the welcome and the languages at once, the guides as the database answers', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    // The first render: the tablet's database has not answered yet.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Välkommen! Här får du hjälp steg för steg.',
    );
    expect(screen.getByRole('button', { name: 'Svenska' })).toBeTruthy();
    // A tablet with guides never says it is waiting for them.
    expect(screen.queryByText('Guiderna görs i ordning …')).toBeNull();
    expect(await screen.findByRole('button', { name: 'BankID' })).toBeTruthy();
    expect(screen.queryByText('Guiderna görs i ordning …')).toBeNull();
  });

  it('shows a tile only for categories that have guides', async () => {
    await showGuides([BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY]);
    render(<KioskApp />);
    expect(await screen.findByRole('button', { name: 'BankID' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resor och biljetter' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Jobb' })).toBeNull();
  });

  it('goes from a category to a guide and home again', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('BankID');
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Till början' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Välkommen! Här får du hjälp steg för steg.',
    );
  });

  it('switches language from the start screen, right to left included', async () => {
    await showGuides([BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY]);
    render(<KioskApp />);
    const svenska = await screen.findByRole('button', { name: 'Svenska' });
    expect(svenska.getAttribute('aria-pressed')).toBe('true');
    expect(svenska.querySelector('[lang="sv"]')).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    expect(await screen.findByRole('button', { name: 'اطلب مساعدة' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(document.documentElement.dir).toBe('rtl');

    fireEvent.click(await screen.findByRole('button', { name: 'السفر والتذاكر' }));
    // The Swedish-only guide is listed, and marked with the language it is in.
    expect(screen.getByRole('button', { name: 'Köp en bussbiljett' })).toBeTruthy();
    expect(screen.getByText('باللغة: السويدية')).toBeTruthy();
  });

  it('keeps the opened guide unchanged when new content arrives', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    const [first, ...rest] = BANKID_GUIDE.steps;
    if (!first?.text.sv) throw new Error('fixture has a first step');
    const changed: Guide = {
      ...BANKID_GUIDE,
      steps: [
        { ...first, text: { ...first.text, sv: { ...first.text.sv, title: 'Ny rubrik' } } },
        ...rest,
      ],
    };
    await showGuides([changed], 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Kontrollera vad du behöver',
    );
  });

  it('tells the visitor where to ask when calling a helper is not set up', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Be om hjälp' }));
    const dialog = screen.getByRole('dialog', { name: 'Hjälp från personalen' });
    // Where the desk is comes with the library's settings, read from the tablet's database.
    await waitFor(() => {
      expect(dialog.textContent).toContain('Fråga personalen vid informationsdisken vid entrén.');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });

  it('lets the visitor make the text larger, up to 200 %', async () => {
    await showGuides([BANKID_GUIDE]);
    render(<KioskApp />);
    const larger = await screen.findByRole('button', { name: 'Större text' });
    for (let press = 0; press < 5; press += 1) fireEvent.click(larger);
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('2');
    expect(larger.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('200 %')).toBeTruthy();
  });

  // The idle reset (asking, counting down, starting over) is tested in idle-reset.test.tsx.

  it('allows an app update only on a quiet start screen, never in the middle of a guide', async () => {
    await showGuides([BANKID_GUIDE]);
    const safeToReload = vi.fn<(safe: boolean) => void>();
    render(<KioskApp onSafeToReloadChange={safeToReload} />);
    await screen.findByRole('button', { name: 'BankID' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.pointerDown(document.body);
    expect(safeToReload).toHaveBeenLastCalledWith(false);

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(safeToReload).toHaveBeenLastCalledWith(true);

    fireEvent.click(screen.getByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    expect(safeToReload).toHaveBeenLastCalledWith(false);
    act(() => {
      vi.advanceTimersByTime(3 * 60_000);
    });
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();
    expect(safeToReload).toHaveBeenLastCalledWith(false);
  });
});
