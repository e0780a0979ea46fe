// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  flagDeviceProblem,
  readKioskDevice,
  savePairing,
} from '../../src/browser/device/kiosk-device-records.ts';
import { sha256Hex } from '../../src/browser/device/setup-pin.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { storeHelpCall } from '../../src/browser/outbox/outbox-records.ts';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import { freshKiosk, showGuides } from './kiosk-state.ts';
import { BANKID_GUIDE, LIBRARY } from '../fixtures/kiosk-guides.ts';
import { DEVICE, FakeLotsenServer, TOKEN } from '../browser/fake-lotsen-server.ts';

let server: FakeLotsenServer;

beforeEach(async () => {
  await freshKiosk();
  await showGuides([BANKID_GUIDE], 4);
  server = new FakeLotsenServer();
  vi.stubGlobal('fetch', server.fetch);
  // Pairing fetches the branch's content next; this fake server has none to give.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const setupDialog = () => screen.queryByRole('dialog', { name: 'Inställningar för surfplattan' });

function holdLogo(ms: number) {
  const logo = document.querySelector('.brand');
  if (!logo) throw new Error('no logo');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.pointerDown(logo);
  act(() => {
    vi.advanceTimersByTime(ms);
  });
  fireEvent.pointerUp(logo);
  act(() => {
    vi.advanceTimersByTime(10_000);
  });
  vi.useRealTimers();
}

describe('the setup screen', () => {
  it('opens when staff hold the logo for three seconds, not for a tap', async () => {
    render(<KioskApp />);
    await screen.findByRole('button', { name: 'BankID' });

    holdLogo(2_500);
    expect(setupDialog()).toBeNull();

    holdLogo(3_000);
    const dialog = setupDialog();
    if (!dialog) throw new Error('setup did not open');
    // An unpaired tablet asks for no PIN: there is nothing to protect yet.
    await waitFor(() => {
      expect(dialog.textContent).toContain('KopplingInte koppladInnehållsversion4');
    });
  });

  it('pairs the tablet with a code and shows who it now is', async () => {
    server.pairingCodes.set('042917', TOKEN);
    window.history.replaceState(null, '', '/?setup');
    render(<KioskApp />);
    const dialog = await screen.findByRole('dialog', { name: 'Inställningar för surfplattan' });
    expect(window.location.search).toBe('');

    const field = await within(dialog).findByLabelText('Kopplingskod (6 siffror)');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(field, { target: { value: '042917' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Koppla' }));

    expect(
      await within(dialog).findByText(
        'Surfplattan är kopplad: Entrésurfplattan, Stadsbiblioteket.',
      ),
    ).toBeTruthy();
    await waitFor(() => {
      expect(dialog.textContent).toContain('KopplingKopplad');
    });
    expect(dialog.textContent).toContain('PlatsVid entrén');
    expect((await readKioskDevice(kioskDb))?.deviceToken).toBe(TOKEN);
  });

  it('asks for the branch PIN first, and checks it on the tablet', async () => {
    const salt = '00112233445566778899aabbccddeeff';
    const setupPin = { salt, sha256: await sha256Hex(`${salt}:2468`) };
    await savePairing(
      kioskDb,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin },
      1,
    );
    server.networkDown = true; // the PIN works offline
    window.history.replaceState(null, '', '/?setup');
    render(<KioskApp />);
    const dialog = await screen.findByRole('dialog', { name: 'Inställningar för surfplattan' });
    const pin = await within(dialog).findByLabelText('PIN-kod');
    expect(dialog.textContent).not.toContain('Entrésurfplattan');

    fireEvent.change(pin, { target: { value: '1111' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Öppna' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Fel PIN-kod.');
    expect(dialog.textContent).not.toContain('Entrésurfplattan');

    fireEvent.change(within(dialog).getByLabelText('PIN-kod'), { target: { value: '2468' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Öppna' }));
    await waitFor(() => {
      expect(dialog.textContent).toContain('NamnEntrésurfplattan');
    });
  });

  it('shows a revoked pairing and the calls waiting to be sent', async () => {
    await savePairing(
      kioskDb,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
      1,
    );
    await flagDeviceProblem(kioskDb, TOKEN, 'device-revoked');
    await storeHelpCall(
      kioskDb,
      { guideId: null, stepNumber: null, language: 'sv', needs: [] },
      { id: crypto.randomUUID(), now: Date.now() },
    );
    window.history.replaceState(null, '', '/?setup');
    render(<KioskApp />);
    const dialog = await screen.findByRole('dialog', { name: 'Inställningar för surfplattan' });

    await waitFor(() => {
      expect(dialog.textContent).toContain(
        'KopplingÅterkallad – koppla igen med en ny kod' +
          'Innehållsversion4' +
          'Hjälpanrop som inte har skickats än1' +
          'Hjälpanrop som servern inte tog emot0',
      );
    });
  });
});

describe('a pairing link', () => {
  it('pairs the tablet, says so in plain words, and leaves the address clean', async () => {
    server.pairingCodes.set('042917', TOKEN);
    window.history.replaceState(null, '', '/?pair=042917');
    render(<KioskApp />);

    const dialog = await screen.findByRole('dialog', { name: 'Koppla surfplattan' });
    await waitFor(() => {
      expect(dialog.textContent).toContain(
        'Surfplattan är kopplad: Entrésurfplattan, Stadsbiblioteket.',
      );
    });
    expect(window.location.search).toBe('');
    expect((await readKioskDevice(kioskDb))?.deviceToken).toBe(TOKEN);
  });

  it('says when the code did not work, and also removes it', async () => {
    window.history.replaceState(null, '', '/?pair=999999');
    render(<KioskApp />);

    const dialog = await screen.findByRole('dialog', { name: 'Koppla surfplattan' });
    await waitFor(() => {
      expect(dialog.textContent).toContain('Koden fungerade inte.');
    });
    expect(window.location.search).toBe('');
    expect(await readKioskDevice(kioskDb)).toBeUndefined();
  });
});
