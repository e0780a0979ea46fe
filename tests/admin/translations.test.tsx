// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { TranslationsArea } from '../../src/admin/translations/TranslationsArea.tsx';
import { adminI18n, changeAdminLanguage } from '../../src/browser/i18n/admin-i18n.ts';
import type { TranslationMatrix } from '../../src/shared/api/guide-editing.ts';
import { FakeApi, json } from '../staff/staff-fakes.ts';

const MATRIX: TranslationMatrix = {
  languages: ['en', 'ar'],
  reviewAfterDays: 180,
  rows: [
    {
      id: 'install-mobilt-bankid',
      title: 'Skaffa Mobilt BankID',
      lastVerified: '2026-11-22',
      reviewOverdue: false,
      published: true,
      translations: [
        {
          language: 'en',
          state: 'current',
          totalParts: 4,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: false,
        },
        {
          language: 'ar',
          state: 'outdated',
          totalParts: 4,
          missingParts: [],
          outdatedParts: [
            { part: 'guide', stepNumber: 0 },
            { part: 'install-app', stepNumber: 2 },
          ],
          machineDrafted: false,
        },
      ],
    },
    {
      id: 'buy-bus-ticket',
      title: 'Köp en bussbiljett',
      lastVerified: '2025-01-10',
      reviewOverdue: true,
      published: true,
      translations: [
        {
          language: 'en',
          state: 'incomplete',
          totalParts: 3,
          missingParts: [{ part: 'buy', stepNumber: 2 }],
          outdatedParts: [],
          machineDrafted: false,
        },
        {
          language: 'ar',
          state: 'missing',
          totalParts: 3,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: false,
        },
      ],
    },
    {
      id: 'print-a-page',
      title: 'Skriv ut en sida',
      lastVerified: '2026-11-22',
      reviewOverdue: false,
      published: true,
      translations: [
        {
          language: 'en',
          state: 'current',
          totalParts: 2,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: false,
        },
        {
          language: 'ar',
          state: 'current',
          totalParts: 2,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: false,
        },
      ],
    },
    {
      id: 'renew-a-loan',
      title: 'Förnya ett lån',
      lastVerified: '2026-11-22',
      reviewOverdue: false,
      published: true,
      translations: [
        {
          language: 'en',
          state: 'current',
          totalParts: 2,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: true,
        },
        {
          language: 'ar',
          state: 'current',
          totalParts: 2,
          missingParts: [],
          outdatedParts: [],
          machineDrafted: false,
        },
      ],
    },
  ],
};

/** The value, or a failed test saying it was not there. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected it to be there');
  return value;
}

let api: FakeApi;

beforeEach(async () => {
  await changeAdminLanguage('sv');
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  api.on('GET', '/api/admin/translations', () => json(MATRIX));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openMatrix() {
  const location = memoryLocation({ path: '/translations' });
  render(
    <I18nextProvider i18n={adminI18n}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <TranslationsArea />
      </Router>
    </I18nextProvider>,
  );
}

const rowOf = (title: string) => present(screen.getByRole('link', { name: title }).closest('tr'));

describe('the translation matrix', () => {
  it('says each language’s state in words, with the parts that need work', async () => {
    openMatrix();
    await screen.findByRole('table');
    const bankid = rowOf('Skaffa Mobilt BankID');
    const cells = within(bankid).getAllByRole('cell');
    expect(cells[0]?.textContent).toContain('Aktuell');
    expect(cells[1]?.textContent).toContain('Inaktuell (2 delar)');
    expect(within(present(cells[1])).getByText('guidens titel och sammanfattning')).toBeTruthy();
    expect(within(present(cells[1])).getByText('steg 2')).toBeTruthy();

    const bus = rowOf('Köp en bussbiljett');
    const busCells = within(bus).getAllByRole('cell');
    expect(busCells[0]?.textContent).toContain('Ofullständig (1 del)');
    expect(busCells[1]?.textContent).toContain('Saknas');
    expect(within(bus).getByText('Dags att kontrollera')).toBeTruthy();
    expect(within(bankid).queryByText('Dags att kontrollera')).toBeNull();

    const renew = within(rowOf('Förnya ett lån')).getAllByRole('cell');
    expect(renew[0]?.textContent).toContain(
      'Maskinöversatt: behöver granskas av någon med språket som modersmål',
    );
    expect(renew[1]?.textContent).not.toContain('Maskinöversatt');
  });

  it('lists the kiosk words a machine drafted, for a native speaker to check', async () => {
    openMatrix();
    const section = await screen.findByRole('region', { name: 'Kioskens egna ord' });
    const items = within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toContain(
      '⚙ arabiska (العربية): Maskinöversatt: behöver granskas av någon med språket som modersmål',
    );
    expect(items.some((item) => item.includes('engelska'))).toBe(false);
  });

  it('links each cell to the editor with that language chosen', async () => {
    openMatrix();
    await screen.findByRole('table');
    const link = within(rowOf('Skaffa Mobilt BankID')).getByRole('link', {
      name: /^Redigera arabiska/,
    });
    expect(link.getAttribute('href')).toBe('/guides/install-mobilt-bankid?lang=ar');
  });

  it('filters to the guides that need work', async () => {
    openMatrix();
    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: 'Skriv ut en sida' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Visa bara guider som behöver arbete'));
    expect(screen.queryByRole('link', { name: 'Skriv ut en sida' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Skaffa Mobilt BankID' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Köp en bussbiljett' })).toBeTruthy();
    // Current, but drafted by a machine: a native speaker still has to read it.
    expect(screen.getByRole('link', { name: 'Förnya ett lån' })).toBeTruthy();
    expect(screen.getByText('Visar 3 av 4 guider.')).toBeTruthy();
  });
});
