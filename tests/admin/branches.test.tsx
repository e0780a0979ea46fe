// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../src/admin/AdminApp.tsx';
import { changeLanguageEverywhere } from '../../src/admin/shell/AdminLanguageSelect.tsx';
import type { LibraryBranch } from '../../src/shared/api/administration.ts';
import { json } from '../staff/staff-fakes.ts';
import { ADMIN, serveAdmin, visit } from './admin-fakes.ts';

const BRANCH: LibraryBranch = {
  id: 1,
  name: 'Stadsbiblioteket',
  infoDesk: 'informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
  fallbackLanguage: 'sv',
  hasSetupPin: false,
  tabletCount: 2,
};

beforeEach(async () => {
  await changeLanguageEverywhere('sv');
  localStorage.clear();
  visit('/admin/branches');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('branches', () => {
  it('adds a branch, asking for what is missing first', async () => {
    const majorna = {
      ...BRANCH,
      id: 2,
      name: 'Majornas bibliotek',
      fallbackLanguage: 'en',
    } as const;
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/branches', () => json({ branches: [BRANCH] }))
      .on('POST', '/api/admin/branches', () => json(majorna));
    render(<AdminApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till bibliotek' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    const alert = screen
      .getAllByRole('alert')
      .map((node) => node.textContent)
      .join(' ');
    expect(alert).toContain('Ge biblioteket ett namn (högst 120 tecken).');
    expect(alert).toContain('Skriv namnet på regionens app (högst 80 tecken).');
    expect(screen.getByLabelText(/^Namn/).getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST', '/api/admin/branches')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: 'Majornas bibliotek' } });
    fireEvent.change(screen.getByLabelText(/^Var besökare hittar personal/), {
      target: { value: 'informationsdisken vid entrén' },
    });
    fireEvent.change(screen.getByLabelText(/^Regionens app/), {
      target: { value: 'Västtrafik To Go' },
    });
    const language = screen.getByLabelText(/^Reservspråk/);
    expect(within(language).getByRole('option', { name: 'العربية (Arabic)' })).toBeTruthy();
    fireEvent.change(language, { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));

    expect(await screen.findByRole('article', { name: 'Majornas bibliotek' })).toBeTruthy();
    expect(api.requestsTo('POST', '/api/admin/branches')[0]?.body).toEqual({
      name: 'Majornas bibliotek',
      infoDesk: 'informationsdisken vid entrén',
      transportApp: 'Västtrafik To Go',
      fallbackLanguage: 'en',
    });
  });

  it('sends only the changed fields, and sets and clears the setup PIN', async () => {
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/branches', () => json({ branches: [BRANCH] }))
      .on('PATCH', '/api/admin/branches/1', () =>
        json({ ...BRANCH, transportApp: 'Skånetrafiken' }),
      )
      .on(
        'PUT',
        '/api/admin/branches/1/setup-pin',
        () => json({ ...BRANCH, transportApp: 'Skånetrafiken', hasSetupPin: true }),
        () => json({ ...BRANCH, transportApp: 'Skånetrafiken', hasSetupPin: false }),
      );
    render(<AdminApp />);
    const card = () => within(screen.getByRole('article', { name: 'Stadsbiblioteket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ändra' }));
    fireEvent.change(screen.getByLabelText(/^Regionens app/), {
      target: { value: 'Skånetrafiken' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Skånetrafiken')).toBeTruthy();
    expect(api.requestsTo('PATCH', '/api/admin/branches/1')[0]?.body).toEqual({
      transportApp: 'Skånetrafiken',
    });

    expect(card().getByText('Ingen: den dolda gesten räcker')).toBeTruthy();
    fireEvent.click(card().getByRole('button', { name: 'Sätt PIN' }));
    const pin = card().getByLabelText(/^Ny PIN/);
    fireEvent.change(pin, { target: { value: '12a' } });
    fireEvent.click(card().getByRole('button', { name: 'Spara PIN' }));
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(pin, { target: { value: '4711' } });
    fireEvent.click(card().getByRole('button', { name: 'Spara PIN' }));
    expect(await screen.findByText('Satt')).toBeTruthy();

    fireEvent.click(card().getByRole('button', { name: 'Byt PIN' }));
    fireEvent.click(card().getByRole('button', { name: 'Ta bort PIN' }));
    expect(await screen.findByText('Ingen: den dolda gesten räcker')).toBeTruthy();
    expect(api.requestsTo('PUT', '/api/admin/branches/1/setup-pin').map((r) => r.body)).toEqual([
      { pin: '4711' },
      { pin: null },
    ]);
  });
});
