// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import type { Guide } from '../../src/shared/content/guide.ts';
import { BANKID_GUIDE } from '../fixtures/kiosk-guides.ts';
import { freshKiosk, showGuides } from './kiosk-state.ts';

beforeEach(freshKiosk);
afterEach(cleanup);

const LINKED_GUIDE: Guide = {
  ...BANKID_GUIDE,
  steps: BANKID_GUIDE.steps.map((step, index) =>
    index === 0 ? { ...step, link: { url: 'https://www.bankid.com' } } : step,
  ),
};

function kioskSourceFiles(dir = 'src/kiosk'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return kioskSourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// A whole kiosk in jsdom, screens loaded lazily: slow on a busy machine.
describe('no way out of the kiosk', { timeout: 30_000 }, () => {
  it('has no link, new window or new tab anywhere in its code', () => {
    const files = kioskSourceFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/<a[\s>]/);
      expect(source, file).not.toMatch(/\bhref\s*=\s*[{"']/);
      expect(source, file).not.toMatch(/window\.open\s*\(/);
      expect(source, file).not.toMatch(/_blank/);
    }
  });

  it('shows no link on any screen, the guide-on-phone dialog included', async () => {
    await showGuides([LINKED_GUIDE]);
    const { container } = render(<KioskApp />);
    const noLinks = () => {
      expect(container.querySelectorAll('a, [href], area, [target]')).toHaveLength(0);
    };

    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    noLinks();
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    expect(
      await screen.findByRole('img', { name: 'QR-kod som öppnar www.bankid.com' }),
    ).toBeTruthy();
    noLinks();
    fireEvent.click(screen.getByRole('button', { name: 'I din mobil' }));
    expect(
      await screen.findByRole('img', { name: 'QR-kod som öppnar guiden i din mobil' }),
    ).toBeTruthy();
    noLinks();
  });

  it('keeps the context menu, dragging out and the middle button from leading out', async () => {
    await showGuides([LINKED_GUIDE]);
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    const qr = await screen.findByRole('img', { name: 'QR-kod som öppnar www.bankid.com' });
    const heading = screen.getByRole('heading', { level: 1, name: 'Kontrollera vad du behöver' });

    // fireEvent returns false when the kiosk cancelled the event.
    expect(fireEvent.contextMenu(heading)).toBe(false);
    expect(fireEvent.contextMenu(qr)).toBe(false);
    expect(fireEvent.dragStart(qr)).toBe(false);
    expect(fireEvent.dragStart(heading)).toBe(false);
    expect(
      fireEvent(qr, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })),
    ).toBe(false);

    // Inside an open dialog too: it sits inside the kiosk's root.
    fireEvent.click(screen.getByRole('button', { name: 'I din mobil' }));
    const dialog = screen.getByRole('dialog', { name: 'Den här guiden i din mobil' });
    expect(fireEvent.contextMenu(dialog)).toBe(false);

    // Only the kiosk's own events: the page outside it is left alone.
    expect(fireEvent.contextMenu(document.body)).toBe(true);
  });
});
