// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PacksArea } from '../../src/admin/packs/PacksArea.tsx';
import { adminI18n, changeAdminLanguage } from '../../src/browser/i18n/admin-i18n.ts';
import type { GuideList, GuideListItem } from '../../src/shared/api/guide-editing.ts';
import type { PackImport } from '../../src/shared/api/guide-packs.ts';
import { FakeApi, json } from '../staff/staff-fakes.ts';

function listItem(id: string, title: string, published: boolean): GuideListItem {
  return {
    id,
    title,
    category: 'bankid',
    icon: 'bankid',
    lastVerified: '2026-11-22',
    verificationStatus: 'verified',
    reviewOverdue: false,
    revision: 2,
    savedAt: '2026-11-22T09:00:00.000Z',
    savedBy: 'anna@bibliotek.example.se',
    published: published
      ? {
          version: 1,
          release: 3,
          publishedAt: '2026-11-22T09:00:00.000Z',
          publishedBy: 'anna@bibliotek.example.se',
          note: '',
          languages: ['sv'],
        }
      : null,
    unpublishedChanges: false,
  };
}

const GUIDES: GuideList = {
  reviewAfterDays: 180,
  guides: [
    listItem('install-mobilt-bankid', 'Skaffa Mobilt BankID', true),
    listItem('buy-bus-ticket', 'Köp en bussbiljett', true),
    listItem('half-done', 'Halvfärdig', false),
  ],
};

const REPORT: PackImport = {
  applied: false,
  published: false,
  exportedFrom: 'Malmö stadsbibliotek',
  exportedAt: '2026-11-01T08:00:00.000Z',
  guides: [
    { id: 'pay-a-bill', title: 'Betala en räkning', action: 'add', languages: ['sv'] },
    {
      id: 'install-mobilt-bankid',
      title: 'Skaffa Mobilt BankID',
      action: 'overwrite',
      languages: ['sv', 'en'],
    },
    { id: 'buy-bus-ticket', title: 'Köp en bussbiljett', action: 'unchanged', languages: ['sv'] },
  ],
  images: { added: 3, alreadyHere: 1, renamed: [{ from: 'bankid-app', to: 'bankid-app-2' }] },
};

let api: FakeApi;

beforeEach(async () => {
  await changeAdminLanguage('sv');
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  api.on('GET', '/api/admin/guides', () => json(GUIDES));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openPacks() {
  const location = memoryLocation({ path: '/packs' });
  render(
    <I18nextProvider i18n={adminI18n}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <PacksArea />
      </Router>
    </I18nextProvider>,
  );
}

const packFile = () =>
  new File(['{"format":"lotsen-guide-pack"}'], 'malmo.lotsen.json', { type: '' });

function choosePack() {
  fireEvent.change(screen.getByLabelText('Välj en paketfil (.lotsen.json)'), {
    target: { files: [packFile()] },
  });
}

describe('guide packs', () => {
  it('exports the chosen published guides as a download', async () => {
    openPacks();
    await screen.findByLabelText('Skaffa Mobilt BankID');
    // Only published guides can be shared.
    expect(screen.queryByLabelText('Halvfärdig')).toBeNull();
    fireEvent.click(screen.getByLabelText('Köp en bussbiljett'));
    const link = screen.getByRole('link', { name: 'Ladda ner paket med 1 guide' });
    expect(link.getAttribute('href')).toBe('/api/admin/packs/export?guides=buy-bus-ticket');
    expect(link.hasAttribute('download')).toBe(true);

    fireEvent.click(screen.getByLabelText('Välj alla'));
    expect(
      screen.getByRole('link', { name: 'Ladda ner paket med 2 guider' }).getAttribute('href'),
    ).toBe('/api/admin/packs/export?guides=install-mobilt-bankid,buy-bus-ticket');
  });

  it('shows every problem of a pack that cannot be imported, and offers no import', async () => {
    api.on('POST', '/api/admin/packs/preview', () =>
      json(
        {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: 'The pack cannot be imported.',
          code: 'invalid-pack',
          problems: [
            'guides[0].steps: A guide needs at least one step.',
            'images[2]: The bytes do not match sha256.',
          ],
        },
        422,
      ),
    );
    openPacks();
    await screen.findByLabelText('Skaffa Mobilt BankID');
    choosePack();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Paketet kan inte importeras');
    expect(
      within(alert).getByText('guides[0].steps: A guide needs at least one step.'),
    ).toBeTruthy();
    expect(within(alert).getByText('images[2]: The bytes do not match sha256.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Importera' })).toBeNull();
  });

  it('previews what an import will do, then imports and publishes', async () => {
    api
      .on('POST', '/api/admin/packs/preview', () => json(REPORT))
      .on('POST', '/api/admin/packs/import?publish=true', () =>
        json({ ...REPORT, applied: true, published: true }),
      );
    openPacks();
    await screen.findByLabelText('Skaffa Mobilt BankID');
    choosePack();

    await screen.findByText('Det här händer om du importerar');
    expect(screen.getByText('Betala en räkning').parentElement?.textContent).toContain('ny guide');
    expect(
      screen.getByText('Skaffa Mobilt BankID', { selector: 'strong' }).parentElement?.textContent,
    ).toContain('ersätter utkastet här');
    expect(
      screen.getByText('Köp en bussbiljett', { selector: 'strong' }).parentElement?.textContent,
    ).toContain('samma som här');
    expect(screen.getByText('Bilder: 3 nya, 1 fanns redan.')).toBeTruthy();
    expect(screen.getByText('bankid-app → bankid-app-2')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/admin/packs/import?publish=true')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('Publicera guiderna direkt'));
    fireEvent.click(screen.getByRole('button', { name: 'Importera' }));
    expect(await screen.findByText('Importerat och publicerat.')).toBeTruthy();
    await waitFor(() => {
      expect(api.requestsTo('POST', '/api/admin/packs/import?publish=true')).toHaveLength(1);
    });
    const sent = api.fetch.mock.calls.at(-1)?.[1];
    expect(new Headers(sent?.headers).get('content-type')).toBe('application/json');
    expect(sent?.body).toBeInstanceOf(Blob);
  });
});
