// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../src/admin/AdminApp.tsx';
import { changeLanguageEverywhere } from '../../src/admin/shell/AdminLanguageSelect.tsx';
import { json, notLoggedIn, problem } from '../staff/staff-fakes.ts';
import { account, ADMIN, EDITOR, serveAdmin, SETTINGS, STAFF, visit } from './admin-fakes.ts';

beforeEach(async () => {
  await changeLanguageEverywhere('sv');
  localStorage.clear();
  visit('/admin');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const heading = () => screen.getByRole('heading', { level: 1 });
const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Administration' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the one-time setup', () => {
  it('is shown while Lotsen has no admin, checks the form, and logs the new admin in', async () => {
    const api = serveAdmin(undefined)
      .on('GET', '/api/setup', () => json({ needsFirstAdmin: true }))
      .on('POST', '/api/setup/first-admin', () => json({ user: ADMIN }));
    render(<AdminApp />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Skapa den första administratören' }),
    ).toBeTruthy();
    expect(screen.getByText(/blir den första administratören/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Din e-postadress'), {
      target: { value: ' agnes@bibliotek.example.se ' },
    });
    fireEvent.change(screen.getByLabelText('Lösenord'), {
      target: { value: 'en lång mening som lösenord' },
    });
    fireEvent.change(screen.getByLabelText('Lösenordet en gång till'), {
      target: { value: 'en annan mening' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa administratören' }));
    const again = screen.getByLabelText('Lösenordet en gång till');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    const errorId = again.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe(
      'Lösenorden är olika. Skriv samma lösenord två gånger.',
    );
    expect(api.requestsTo('POST', '/api/setup/first-admin')).toHaveLength(0);

    fireEvent.change(again, { target: { value: 'en lång mening som lösenord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa administratören' }));
    await waitFor(() => {
      expect(navLinks()).toContain('Användare');
    });
    expect(api.requestsTo('POST', '/api/setup/first-admin').map((request) => request.body)).toEqual(
      [{ email: 'agnes@bibliotek.example.se', password: 'en lång mening som lösenord' }],
    );
    expect(window.location.pathname).toBe('/admin/guides');
    expect(screen.getByText(`Inloggad som ${ADMIN.email} (Administratör)`)).toBeTruthy();
    expect(api.requestsTo('GET', '/api/auth/me')).toHaveLength(0);
  });

  it('is not shown once Lotsen has an admin: the login is', async () => {
    serveAdmin(undefined);
    render(<AdminApp />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.queryByText('Skapa den första administratören')).toBeNull();
    expect(screen.getByText('Logga in för att skriva guider och sköta Lotsen.')).toBeTruthy();
  });
});

describe('logging in', () => {
  it('logs an admin in and shows every part of the area, the current one marked', async () => {
    const api = serveAdmin(undefined).on('POST', '/api/auth/login', () => json({ user: ADMIN }));
    visit('/admin/settings');
    api.on('GET', '/api/admin/settings', () => json(SETTINGS));
    render(<AdminApp />);
    fireEvent.change(await screen.findByLabelText('E-postadress'), {
      target: { value: ADMIN.email },
    });
    fireEvent.change(screen.getByLabelText('Lösenord'), { target: { value: 'the password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));

    await waitFor(() => {
      expect(heading().textContent).toBe('Inställningar');
    });
    expect(navLinks()).toEqual([
      'Guider',
      'Översättningar',
      'Guidepaket',
      'Användare',
      'Bibliotek',
      'Surfplattor',
      'Inställningar',
    ]);
    expect(screen.getByRole('link', { name: 'Inställningar' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(screen.getByRole('link', { name: 'Guider' }).getAttribute('aria-current')).toBeNull();
    expect(await screen.findByLabelText(/Granska guider efter/)).toBeTruthy();
    expect(document.title).toBe('Inställningar – Lotsen administration');
  });

  it('shows editors guides, translations and packs, but not users, branches or tablets', async () => {
    serveAdmin(EDITOR).on('GET', '/api/admin/settings', () => json(SETTINGS));
    visit('/admin/users');
    render(<AdminApp />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bara för administratörer' }),
    ).toBeTruthy();
    expect(navLinks()).toEqual(['Guider', 'Översättningar', 'Guidepaket', 'Inställningar']);
    expect(screen.queryByRole('link', { name: 'Användare' })).toBeNull();

    // Editors read the settings; only admins change them.
    fireEvent.click(screen.getByRole('link', { name: 'Inställningar' }));
    expect(await screen.findByText('180 dagar')).toBeTruthy();
    expect(screen.getByText('Bara administratörer kan ändra inställningarna.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(window.location.pathname).toBe('/admin/settings');
  });

  it('gives the staff role a page that says which role is needed, with a way to /staff', async () => {
    serveAdmin(STAFF);
    render(<AdminApp />);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Det här kräver rollen redaktör eller administratör',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Till hjälpanropen' }).getAttribute('href')).toBe(
      '/staff',
    );
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeTruthy();
  });

  it('sends the person back to the login when the session has ended (401 anywhere)', async () => {
    serveAdmin(ADMIN).on('GET', '/api/admin/users', notLoggedIn);
    visit('/admin/users');
    render(<AdminApp />);
    expect(await screen.findByText('Du är inte inloggad längre. Logga in igen.')).toBeTruthy();
    expect(heading().textContent).toBe('Logga in');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('logs out', async () => {
    const api = serveAdmin(ADMIN).on(
      'POST',
      '/api/auth/logout',
      () => new Response(null, { status: 204 }),
    );
    render(<AdminApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Logga ut' }));
    expect(await screen.findByText('Du har loggat ut.')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/auth/logout')).toHaveLength(1);
  });

  it('switches the whole area, the login too, to English', async () => {
    serveAdmin(undefined);
    render(<AdminApp />);
    fireEvent.change(await screen.findByLabelText('Språk'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    // The admin and staff strings are two i18next instances: each switches when its chunk is in.
    expect(await screen.findByText('Log in to write guides and run Lotsen.')).toBeTruthy();
    await waitFor(() => {
      expect(document.documentElement.lang).toBe('en');
      expect(localStorage.getItem('lotsen.staff.language')).toBe('en');
    });
  });
});

describe('users', () => {
  it('lists accounts and shows why the server refused to remove one', async () => {
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/users', () =>
        json({ users: [account(ADMIN, new Date().toISOString()), account(STAFF)] }),
      )
      .on('DELETE', '/api/admin/users/1', () =>
        problem(409, 'You cannot remove yourself. Ask another admin to do it.'),
      );
    visit('/admin/users');
    render(<AdminApp />);
    const row = (await screen.findByRole('rowheader', { name: ADMIN.email })).closest('tr');
    if (!row) throw new Error('No row for the admin');
    expect(within(row).getByLabelText(`Roll för ${ADMIN.email}`)).toBeTruthy();
    const staffRow = screen.getByRole('rowheader', { name: STAFF.email }).closest('tr');
    expect(within(staffRow as HTMLElement).getByText('Aldrig inloggad')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Ta bort' }));
    expect(
      within(row).getByText(`Ta bort ${ADMIN.email}? Personen kan inte logga in längre.`),
    ).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Ja, ta bort' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(
        'You cannot remove yourself. Ask another admin to do it.',
      );
    });
    expect(api.requestsTo('DELETE', '/api/admin/users/1')).toHaveLength(1);
    expect(screen.getByRole('rowheader', { name: ADMIN.email })).toBeTruthy();
  });

  it('shows the last-admin refusal when a role change would leave no admin', async () => {
    serveAdmin(ADMIN)
      .on('GET', '/api/admin/users', () => json({ users: [account(ADMIN)] }))
      .on('PATCH', '/api/admin/users/1', () =>
        problem(409, 'Lotsen needs at least one admin. Make someone else admin first.'),
      );
    visit('/admin/users');
    render(<AdminApp />);
    fireEvent.change(await screen.findByLabelText(`Roll för ${ADMIN.email}`), {
      target: { value: 'editor' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Byt roll' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(
        'Lotsen needs at least one admin. Make someone else admin first.',
      );
    });
    expect(screen.getByLabelText<HTMLSelectElement>(`Roll för ${ADMIN.email}`).value).toBe('admin');
  });

  it('adds a user, and resets a password saying that their sessions end', async () => {
    const added = account({ id: 9, email: 'ny@bibliotek.example.se', role: 'editor' });
    const api = serveAdmin(ADMIN)
      .on('GET', '/api/admin/users', () => json({ users: [account(ADMIN)] }))
      .on('POST', '/api/admin/users', () => json(added))
      .on('POST', '/api/admin/users/9/password', () => json(added));
    visit('/admin/users');
    render(<AdminApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till användare' }));
    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: 'ny' } });
    fireEvent.change(screen.getByLabelText('Första lösenord'), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(screen.getByLabelText('E-postadress').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/Första lösenord/).getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST', '/api/admin/users')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: added.email } });
    fireEvent.change(screen.getByLabelText('Roll'), { target: { value: 'editor' } });
    fireEvent.change(screen.getByLabelText('Första lösenord'), {
      target: { value: 'tolv tecken minst' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(await screen.findByRole('rowheader', { name: added.email })).toBeTruthy();
    expect(api.requestsTo('POST', '/api/admin/users')[0]?.body).toEqual({
      email: added.email,
      role: 'editor',
      password: 'tolv tecken minst',
    });

    const row = screen.getByRole('rowheader', { name: added.email }).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Nytt lösenord' }));
    const field = within(row).getByLabelText(`Nytt lösenord för ${added.email}`);
    expect(
      document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/Alla personens inloggningar avslutas/);
    fireEvent.change(field, { target: { value: 'ett nytt långt lösenord' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Byt lösenord' }));
    expect(
      await screen.findByText(
        `Lösenordet för ${added.email} är bytt och alla hens inloggningar är avslutade.`,
      ),
    ).toBeTruthy();
    expect(api.requestsTo('POST', '/api/admin/users/9/password')[0]?.body).toEqual({
      password: 'ett nytt långt lösenord',
    });
  });
});
