// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../src/admin/AdminApp.tsx';
import { changeLanguageEverywhere } from '../../src/admin/shell/AdminLanguageSelect.tsx';
import { json, problem } from '../staff/staff-fakes.ts';
import { ADMIN, EDITOR, serveAdmin, SETTINGS, visit } from './admin-fakes.ts';

const SETTINGS_URL = '/api/admin/settings';

beforeEach(async () => {
  await changeLanguageEverywhere('sv');
  localStorage.clear();
  visit('/admin/settings');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const idleField = () => screen.getByLabelText('Börja om efter (sekunder utan tryck)');
const urlField = () => screen.getByLabelText('Offentlig adress för besökarnas telefoner');
const save = () => {
  fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
};
const errorOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .filter((text) => text?.startsWith('Skriv'));

describe('the settings', () => {
  it('lets an admin set the idle time and the public address, sending only what changed', async () => {
    const api = serveAdmin(ADMIN)
      .on('GET', SETTINGS_URL, () => json(SETTINGS))
      .on('PUT', SETTINGS_URL, (body) => json({ ...SETTINGS, ...(body as object) }));
    render(<AdminApp />);
    expect(await screen.findByDisplayValue('120')).toBe(idleField());
    expect(urlField()).toHaveProperty('value', '');

    fireEvent.change(idleField(), { target: { value: ' 90 ' } });
    fireEvent.change(urlField(), { target: { value: 'https://lotsen.bibliotek.example.se' } });
    save();
    expect(await screen.findByText('Inställningarna är sparade.')).toBeTruthy();
    expect(api.requestsTo('PUT', SETTINGS_URL).map((request) => request.body)).toEqual([
      { idleResetSeconds: 90, publicUrl: 'https://lotsen.bibliotek.example.se' },
    ]);

    // Emptying the address sets it back to none (null), and nothing else is sent.
    fireEvent.change(urlField(), { target: { value: '  ' } });
    save();
    await waitFor(() => {
      expect(api.requestsTo('PUT', SETTINGS_URL)).toHaveLength(2);
    });
    expect(api.requestsTo('PUT', SETTINGS_URL)[1]?.body).toEqual({ publicUrl: null });
  });

  it('says what to write instead when the idle time or the address will not do, and sends nothing', async () => {
    const api = serveAdmin(ADMIN).on('GET', SETTINGS_URL, () => json(SETTINGS));
    render(<AdminApp />);
    await screen.findByDisplayValue('120');

    for (const typed of ['10', '1801', '45.5', 'två minuter', '']) {
      fireEvent.change(idleField(), { target: { value: typed } });
      fireEvent.change(urlField(), { target: { value: 'lotsen.example.se' } });
      save();
      expect(idleField().getAttribute('aria-invalid')).toBe('true');
      expect(errorOf(idleField())).toEqual(['Skriv ett helt antal sekunder, från 30 till 1800.']);
      expect(urlField().getAttribute('aria-invalid')).toBe('true');
      expect(errorOf(urlField())).toEqual([
        'Skriv en hel webbadress, t.ex. https://lotsen.bibliotek.example.se, eller lämna fältet tomt.',
      ]);
    }
    // The summary above the button says it too, as an alert.
    expect(document.querySelector('.form-problems[role="alert"]')?.textContent).toContain(
      'från 30 till 1800',
    );
    expect(api.requestsTo('PUT', SETTINGS_URL)).toHaveLength(0);

    fireEvent.change(idleField(), { target: { value: '1800' } });
    fireEvent.change(urlField(), { target: { value: '' } });
    save();
    expect(idleField().getAttribute('aria-invalid')).toBeNull();
    expect(urlField().getAttribute('aria-invalid')).toBeNull();
  });

  it("shows the server's reason when it refuses", async () => {
    serveAdmin(ADMIN)
      .on('GET', SETTINGS_URL, () => json(SETTINGS))
      .on('PUT', SETTINGS_URL, () => problem(403, 'Only admins can change the settings.'));
    render(<AdminApp />);
    fireEvent.change(await screen.findByDisplayValue('120'), { target: { value: '300' } });
    save();
    expect(
      await screen.findByText(/Only admins can change the settings|administratörer/),
    ).toBeTruthy();
    expect(screen.queryByText('Inställningarna är sparade.')).toBeNull();
  });

  it('shows editors every setting, read only', async () => {
    serveAdmin(EDITOR).on('GET', SETTINGS_URL, () =>
      json({ ...SETTINGS, idleResetSeconds: 300, publicUrl: 'https://lotsen.example.se' }),
    );
    render(<AdminApp />);
    expect(await screen.findByText('300 sekunder')).toBeTruthy();
    expect(screen.getByText('https://lotsen.example.se')).toBeTruthy();
    expect(screen.getByText('180 dagar')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('tells editors when no public address is set', async () => {
    serveAdmin(EDITOR).on('GET', SETTINGS_URL, () => json(SETTINGS));
    render(<AdminApp />);
    expect(
      await screen.findByText('Inte angiven: adressen som surfplattorna använder'),
    ).toBeTruthy();
    expect(screen.getByText('120 sekunder')).toBeTruthy();
  });
});
