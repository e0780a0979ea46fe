// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  flagDeviceProblem,
  savePairing,
  usableDeviceToken,
} from '../../src/browser/device/kiosk-device-records.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { callForHelp } from '../../src/browser/outbox/kiosk-outbox.ts';
import {
  recordFailure,
  recordServerAnswer,
  storeHelpCall,
} from '../../src/browser/outbox/outbox-records.ts';
import { startOutbox, type OutboxSchedule } from '../../src/browser/outbox/outbox-schedule.ts';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import { freshKiosk, showGuides } from './kiosk-state.ts';
import { BANKID_GUIDE, LIBRARY } from '../fixtures/kiosk-guides.ts';
import { DEVICE, FakeLotsenServer, TOKEN } from '../browser/fake-lotsen-server.ts';

const ON_START_SCREEN = { guideId: null, stepNumber: null, language: 'sv', needs: [] } as const;
const NETWORK_DOWN = { kind: 'network', status: null, message: 'Failed to fetch' } as const;

let schedule: OutboxSchedule | undefined;

beforeEach(async () => {
  await freshKiosk();
  await showGuides([BANKID_GUIDE]);
  await savePairing(
    kioskDb,
    { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
    Date.now(),
  );
});

afterEach(() => {
  schedule?.stop();
  schedule = undefined;
  cleanup();
  vi.useRealTimers();
});

async function theOnlyCall() {
  const calls = await kioskDb.helpCalls.toArray();
  expect(calls).toHaveLength(1);
  return calls[0] as NonNullable<(typeof calls)[0]>;
}

describe('calling a helper', () => {
  it("sends the call with the visitor's needs, guide, step and language, and says staff were told", async () => {
    const server = new FakeLotsenServer();
    schedule = startOutbox({
      db: kioskDb,
      fetch: server.fetch,
      getDeviceToken: () => usableDeviceToken(kioskDb),
    });
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: 'Call a helper' });
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Get Mobile BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Call a helper' }));
    const dialog = screen.getByRole('dialog', { name: 'Help from the staff' });
    const seeing = screen.getByRole('button', { name: 'I have trouble seeing' });
    fireEvent.click(seeing);
    expect(seeing.getAttribute('aria-pressed')).toBe('true');
    expect(
      screen.getByRole('button', { name: 'I have trouble hearing' }).getAttribute('aria-pressed'),
    ).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Call a helper now' }));

    await waitFor(() => {
      expect(server.requestsTo('PUT')).toHaveLength(1);
    });
    const [put] = server.requestsTo('PUT');
    expect(put?.body).toEqual({
      guideId: 'install-mobilt-bankid',
      stepNumber: 2,
      language: 'en',
      needs: ['trouble-seeing'],
      pressedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
    expect(put?.token).toBe(TOKEN);
    expect(await screen.findByText('Staff have been told.')).toBeTruthy();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(screen.getByText('Step 2 of 3')).toBeTruthy(); // the visitor stays where they were
  });

  it('tells the truth as the call moves on: sending, saved, told, on the way, done, gone', async () => {
    render(<KioskApp />);
    await screen.findByRole('button', { name: 'BankID' });
    const { id } = await callForHelp(ON_START_SCREEN);
    const status = () =>
      screen.getAllByRole('status').find((element) => element.closest('section'));

    expect(await screen.findByText('Personalen får besked …')).toBeTruthy();
    await recordFailure(kioskDb, id, {
      problem: { ...NETWORK_DOWN, at: Date.now() },
      nextAttemptAt: Date.now() + 1_000,
    });
    expect(
      await screen.findByText('Sparat – personalen får veta så snart anslutningen är tillbaka.'),
    ).toBeTruthy();
    // Not two minutes yet: no talk of the desk.
    expect(status()?.textContent).not.toContain('informationsdisken');

    const now = Date.now();
    await recordServerAnswer(kioskDb, id, { status: 'waiting', now, nextAttemptAt: now + 4_000 });
    expect(await screen.findByText('Personalen har fått besked.')).toBeTruthy();
    await recordServerAnswer(kioskDb, id, { status: 'acknowledged', now, nextAttemptAt: now });
    expect(await screen.findByText('En hjälpare är på väg.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Avbryt' })).toBeTruthy();

    // Done a moment less than 15 seconds ago: shown, then gone.
    await recordServerAnswer(kioskDb, id, {
      status: 'done',
      now: Date.now() - 14_700,
      nextAttemptAt: 0,
    });
    expect(await screen.findByText('Klart.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Avbryt' })).toBeNull();
    await waitFor(
      () => {
        expect(screen.queryByText('Klart.')).toBeNull();
      },
      { timeout: 2_000 },
    );
    expect(screen.queryByRole('region', { name: 'Hjälp från personalen' })).toBeNull();
  });

  it('says where else to ask once the call has not reached staff for two minutes', async () => {
    const { id } = await storeHelpCall(kioskDb, ON_START_SCREEN, {
      id: crypto.randomUUID(),
      now: Date.now() - 2 * 60_000 + 400,
    });
    await recordFailure(kioskDb, id, {
      problem: { ...NETWORK_DOWN, at: Date.now() },
      nextAttemptAt: Date.now() + 30_000,
    });
    render(<KioskApp />);
    const panel = await screen.findByRole('region', { name: 'Hjälp från personalen' });
    expect(panel.textContent).not.toContain('Du kan också gå till');

    await waitFor(
      () => {
        expect(panel.textContent).toContain('Du kan också gå till informationsdisken vid entrén.');
      },
      { timeout: 2_000 },
    );
    // Still saved, still to be sent: the hint comes on top of the truth, not instead of it.
    expect(panel.textContent).toContain('Sparat – personalen får veta');
  });

  it('sends the visitor to the desk at once when the tablet must be paired again', async () => {
    await callForHelp(ON_START_SCREEN);
    await flagDeviceProblem(kioskDb, TOKEN, 'device-revoked');
    render(<KioskApp />);

    const panel = await screen.findByRole('region', { name: 'Hjälp från personalen' });
    await waitFor(() => {
      expect(panel.textContent).toContain('Surfplattan kan inte nå personalen just nu.');
    });
    expect(panel.textContent).toContain('Fråga personalen vid informationsdisken vid entrén.');
    // The call is kept, to be sent once the tablet is paired again.
    expect((await theOnlyCall()).state).toBe('queued');
  });

  it('cancels from the panel, and a call that never left the tablet is never sent', async () => {
    render(<KioskApp />);
    await screen.findByRole('button', { name: 'BankID' });
    await callForHelp(ON_START_SCREEN);

    fireEvent.click(await screen.findByRole('button', { name: 'Avbryt' }));

    expect(await screen.findByText('Avbrutet.')).toBeTruthy();
    expect(await theOnlyCall()).toMatchObject({ state: 'cancelled', attempts: 0 });
  });

  it('shows the call, not a second one, when Call a helper is pressed again', async () => {
    render(<KioskApp />);
    await screen.findByRole('button', { name: 'BankID' });
    const { id } = await callForHelp(ON_START_SCREEN);
    const now = Date.now();
    await recordServerAnswer(kioskDb, id, { status: 'acknowledged', now, nextAttemptAt: now });
    await screen.findByText('En hjälpare är på väg.');

    fireEvent.click(screen.getByRole('button', { name: 'Be om hjälp' }));
    const dialog = screen.getByRole('dialog', { name: 'Hjälp från personalen' });

    expect(dialog.textContent).toContain('En hjälpare är på väg.');
    expect(screen.queryByRole('button', { name: 'Be om hjälp nu' })).toBeNull();
    expect(await kioskDb.helpCalls.count()).toBe(1);
  });

  it('tells the visitor when the call could not be saved, and where to ask', async () => {
    vi.spyOn(kioskDb.helpCalls, 'add').mockRejectedValue(new Error('disk broken'));
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Be om hjälp' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Be om hjälp nu' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Det fungerade inte. Personalen vet inte att du behöver hjälp. ' +
        'Fråga personalen vid informationsdisken vid entrén.',
    );
    expect(screen.queryByRole('region', { name: 'Hjälp från personalen' })).toBeNull();
  });

  it.each([
    ['not paired', () => kioskDb.kioskDevice.clear()],
    ['revoked', () => flagDeviceProblem(kioskDb, TOKEN, 'device-revoked')],
  ])('takes no call on a tablet that is %s, and says where to ask', async (_state, unpair) => {
    await unpair();
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Be om hjälp' }));
    const dialog = screen.getByRole('dialog', { name: 'Hjälp från personalen' });

    // The pairing and the library's settings are two reads of the tablet's database.
    await waitFor(() => {
      expect(dialog.textContent).toContain('Den här surfplattan kan inte kalla på personal än.');
      expect(dialog.textContent).toContain('Fråga personalen vid informationsdisken vid entrén.');
    });
    expect(screen.queryByRole('button', { name: 'Be om hjälp nu' })).toBeNull();
    expect(await kioskDb.helpCalls.count()).toBe(0);
  });

  it('does not ask "Are you still there?" while staff are on their way, and does again after', async () => {
    render(<KioskApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skaffa Mobilt BankID' }));
    const { id } = await callForHelp({
      ...ON_START_SCREEN,
      guideId: BANKID_GUIDE.id,
      stepNumber: 1,
    });
    const now = Date.now();
    await recordServerAnswer(kioskDb, id, { status: 'waiting', now, nextAttemptAt: now });
    await screen.findByText('Personalen har fått besked.');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.pointerDown(document.body);
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(screen.queryByRole('dialog', { name: 'Är du kvar?' })).toBeNull();
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();
    expect(await theOnlyCall()).toMatchObject({ state: 'delivered', serverStatus: 'waiting' });
    vi.useRealTimers();

    // Staff are done: the kiosk may ask again, after the usual quiet time.
    await recordServerAnswer(kioskDb, id, { status: 'done', now: Date.now(), nextAttemptAt: 0 });
    await screen.findByText('Klart.');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.pointerDown(document.body);
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.getByRole('dialog', { name: 'Är du kvar?' })).toBeTruthy();
  });
});
