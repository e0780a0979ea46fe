// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../src/admin/AdminApp.tsx';
import { pairingLinkFor } from '../../src/admin/devices/pairing-link.ts';
import { changeLanguageEverywhere } from '../../src/admin/shell/AdminLanguageSelect.tsx';
import { QrCode } from '../../src/kiosk/phone/QrCode.tsx';
import { qrRuns } from '../../src/kiosk/phone/qr-code-runs.ts';
import { pairingCodeInUrl } from '../../src/browser/device/pairing-link.ts';
import type { LibraryBranch } from '../../src/shared/api/administration.ts';
import { json } from '../staff/staff-fakes.ts';
import { ADMIN, serveAdmin, tablet, visit } from './admin-fakes.ts';

const BRANCH: LibraryBranch = {
  id: 1,
  name: 'Stadsbiblioteket',
  infoDesk: 'informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
  fallbackLanguage: 'sv',
  hasSetupPin: false,
  tabletCount: 1,
};

beforeEach(async () => {
  await changeLanguageEverywhere('sv');
  localStorage.clear();
  visit('/admin/tablets');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = (name: string) => screen.getByRole('article', { name });

describe('the pairing link and its QR code', () => {
  it('builds the link the kiosk reads its code from', () => {
    const link = pairingLinkFor('https://lotsen.bibliotek.example.se', '042917');
    expect(link).toBe('https://lotsen.bibliotek.example.se/?pair=042917');
    expect(pairingCodeInUrl(link)).toBe('042917');
  });

  it('draws every dark module of the code for that link, and nothing else', async () => {
    const link = pairingLinkFor('https://lotsen.bibliotek.example.se', '042917');
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const dark = [...modules.data].filter((bit) => bit === 1).length;
    const { size, runs } = await qrRuns(link);
    expect(size).toBe(modules.size);
    expect(runs.reduce((total, run) => total + run.width, 0)).toBe(dark);
    for (const run of runs) {
      for (let col = run.x; col < run.x + run.width; col += 1) {
        expect(modules.get(run.y, col)).toBe(1);
      }
    }

    render(<QrCode text={link} label="QR" />);
    const svg = await screen.findByRole('img', { name: 'QR' });
    expect(svg.getAttribute('data-qr-text')).toBe(link);
    // The white background, then one rect per run of dark modules.
    expect(svg.querySelectorAll('rect')).toHaveLength(runs.length + 1);
    expect(
      (await qrRuns(pairingLinkFor('https://lotsen.bibliotek.example.se', '042918'))).runs,
    ).not.toEqual(runs);
  });
});

describe('tablets', () => {
  it('lists tablets per branch: pairing, content, app version, last contact, stuck calls', async () => {
    serveAdmin(ADMIN)
      .on('GET', '/api/admin/branches', () => json({ branches: [BRANCH] }))
      .on('GET', '/api/admin/devices', () =>
        json({
          devices: [
            tablet(),
            tablet({
              id: 5,
              name: 'Surfplatta vid skrivarna',
              location: '2:a våningen',
              report: {
                contentRelease: 12,
                appVersion: '0.0.9',
                pendingCalls: 2,
                reportedAt: new Date().toISOString(),
              },
            }),
            tablet({
              id: 6,
              name: 'Ny surfplatta',
              enrolledAt: null,
              lastSeenAt: null,
              report: null,
              pairingExpiresAt: new Date(Date.now() + 600_000).toISOString(),
            }),
            tablet({
              id: 7,
              name: 'Gammal surfplatta',
              branchId: 2,
              branchName: 'Majornas bibliotek',
              revokedAt: '2026-03-01T10:00:00.000Z',
            }),
          ],
        }),
      );
    render(<AdminApp />);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Stadsbiblioteket (3 surfplattor)' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Majornas bibliotek (1 surfplatta)' }),
    ).toBeTruthy();

    const entrance = within(card('Surfplatta vid entrén'));
    expect(entrance.getByText('Kopplad')).toBeTruthy();
    expect(entrance.getByText('Senaste versionen')).toBeTruthy();
    expect(entrance.getByText('0.1.0')).toBeTruthy();
    expect(entrance.getByText('för 5 minuter sedan')).toBeTruthy();
    expect(entrance.getByText('Inga')).toBeTruthy();

    const printers = within(card('Surfplatta vid skrivarna'));
    expect(printers.getByText('Efter: visar version 12 av 14')).toBeTruthy();
    const stuck = printers.getByText('2 anrop väntar på surfplattan');
    expect(stuck.classList.contains('badge-attention')).toBe(true);

    const unpaired = within(card('Ny surfplatta'));
    expect(unpaired.getByText('Väntar på koppling')).toBeTruthy();
    expect(unpaired.getByText('Har aldrig hämtat guider')).toBeTruthy();
    expect(unpaired.getByText('Aldrig')).toBeTruthy();

    const revoked = within(card('Gammal surfplatta'));
    expect(revoked.getByText('Spärrad')).toBeTruthy();
    expect(revoked.queryByRole('button', { name: 'Spärra' })).toBeNull();
  });

  it('adds a tablet and shows its pairing code as text and as a QR code of the pairing link', async () => {
    const added = tablet({
      id: 8,
      name: 'Barnavdelningen',
      location: 'Vid sagohörnan',
      enrolledAt: null,
      lastSeenAt: null,
      report: null,
    });
    const expires = new Date(Date.now() + 15 * 60_000).toISOString();
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/branches', () => json({ branches: [BRANCH] }))
      .on('GET', '/api/admin/devices', () => json({ devices: [] }))
      .on('POST', '/api/admin/devices', () =>
        json({ device: added, pairingCode: '042917', pairingExpiresAt: expires }),
      );
    render(<AdminApp />);
    expect(await screen.findByText('Det finns inga surfplattor än.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till surfplatta' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till och visa kod' }));
    expect(screen.getByLabelText(/^Namn/).getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST', '/api/admin/devices')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: ' Barnavdelningen ' } });
    fireEvent.change(screen.getByLabelText(/^Plats/), { target: { value: 'Vid sagohörnan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till och visa kod' }));

    const panel = await screen.findByRole('region', { name: 'Koppla Barnavdelningen' });
    expect(within(panel).getByText('042917').classList.contains('pairing-code')).toBe(true);
    const link = `${window.location.origin}/?pair=042917`;
    expect(within(panel).getByText(link)).toBeTruthy();
    const qr = await within(panel).findByRole('img', { name: `QR-kod med länken ${link}` });
    expect(qr.querySelectorAll('rect').length).toBe((await qrRuns(link)).runs.length + 1);
    expect(within(panel).getByText(/Koden fungerar till .* \(15 minuter\)/)).toBeTruthy();
    expect(api.requestsTo('POST', '/api/admin/devices')[0]?.body).toEqual({
      name: 'Barnavdelningen',
      branchId: 1,
      location: 'Vid sagohörnan',
    });
    expect(card('Barnavdelningen')).toBeTruthy();
  });

  it('revokes a tablet after asking, and issues a new code', async () => {
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/branches', () => json({ branches: [BRANCH] }))
      .on('GET', '/api/admin/devices', () => json({ devices: [tablet()] }))
      .on('POST', '/api/admin/devices/4/revoke', () =>
        json(tablet({ revokedAt: new Date().toISOString() })),
      )
      .on('POST', '/api/admin/devices/4/pairing-code', () =>
        json({
          device: tablet({ revokedAt: new Date().toISOString() }),
          pairingCode: '555123',
          pairingExpiresAt: new Date(Date.now() + 900_000).toISOString(),
        }),
      );
    render(<AdminApp />);
    await screen.findByRole('article', { name: 'Surfplatta vid entrén' });
    fireEvent.click(within(card('Surfplatta vid entrén')).getByRole('button', { name: 'Spärra' }));
    fireEvent.click(within(card('Surfplatta vid entrén')).getByRole('button', { name: 'Avbryt' }));
    expect(api.requestsTo('POST', '/api/admin/devices/4/revoke')).toHaveLength(0);

    fireEvent.click(within(card('Surfplatta vid entrén')).getByRole('button', { name: 'Spärra' }));
    fireEvent.click(
      within(card('Surfplatta vid entrén')).getByRole('button', { name: 'Ja, spärra' }),
    );
    await waitFor(() => {
      expect(within(card('Surfplatta vid entrén')).getByText('Spärrad')).toBeTruthy();
    });
    expect(screen.getByText('Surfplatta vid entrén är spärrad.')).toBeTruthy();

    fireEvent.click(
      within(card('Surfplatta vid entrén')).getByRole('button', { name: 'Ny kopplingskod' }),
    );
    expect(await screen.findByText('555123')).toBeTruthy();
  });
});
