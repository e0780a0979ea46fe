// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStaffLanguage } from '../../src/browser/i18n/staff-i18n.ts';
import {
  HELP_CALL_HEARTBEAT_INTERVAL_MS,
  type StaffHelpCall,
} from '../../src/shared/api/help-calls.ts';
import { StaffApp } from '../../src/staff/StaffApp.tsx';
import {
  BRANCH,
  COLLEAGUE,
  CONTENT,
  FakeApi,
  FakeEventSource,
  json,
  ME,
  notLoggedIn,
  problem,
  staffCall,
} from './staff-fakes.ts';

const CALLS_URL = '/api/staff/branches/1/calls';
const TITLE = 'Hjälpanrop – Stadsbiblioteket';

let api: FakeApi;

beforeEach(async () => {
  await changeStaffLanguage('sv');
  localStorage.clear();
  document.title = '';
  FakeEventSource.instances = [];
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Logged in, with branch 1 chosen on this device earlier, serving these calls. */
function serveBranch(
  calls: StaffHelpCall[],
  { lastEventId = 7, serverNow = Date.now() }: { lastEventId?: number; serverNow?: number } = {},
) {
  localStorage.setItem('lotsen.staff.branch', String(BRANCH.id));
  api
    .on('GET', '/api/auth/me', () => json({ user: ME }))
    .on('GET', CALLS_URL, () =>
      json({ branch: BRANCH, calls, lastEventId }, 200, {
        date: new Date(serverNow).toUTCString(),
      }),
    )
    .on('GET', '/api/content?branch=1', () => json(CONTENT));
}

async function openQueue(): Promise<FakeEventSource> {
  render(<StaffApp />);
  await screen.findByRole('heading', { level: 1, name: BRANCH.name });
  return FakeEventSource.latest();
}

const card = (location: string) => screen.getByRole('article', { name: location });
const announcements = () =>
  [...document.querySelectorAll('[aria-live] p')].map((node) => node.textContent);

describe('logging in', () => {
  it('asks for what is missing, and shows why the server said no', async () => {
    api
      .on('GET', '/api/auth/me', notLoggedIn)
      .on('POST', '/api/auth/login', () =>
        problem(401, 'The email address or the password is wrong.'),
      );
    render(<StaffApp />);
    const email = await screen.findByLabelText('E-postadress');
    const password = screen.getByLabelText('Lösenord');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');

    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Skriv din e-postadress. Skriv ditt lösenord.',
    );
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST', '/api/auth/login')).toHaveLength(0);

    fireEvent.change(email, { target: { value: ' anna@bibliotek.example.se ' } });
    fireEvent.change(password, { target: { value: 'not the password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(
        'The email address or the password is wrong.',
      );
    });
    expect(api.requestsTo('POST', '/api/auth/login').map((request) => request.body)).toEqual([
      { email: 'anna@bibliotek.example.se', password: 'not the password' },
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logga in');
  });

  it('logs in, lets staff choose a branch, remembers it and shows its queue', async () => {
    const majorna = { id: 2, name: 'Majornas bibliotek' };
    api
      .on('GET', '/api/auth/me', notLoggedIn)
      .on('POST', '/api/auth/login', () => json({ user: ME }))
      .on('GET', '/api/staff/branches', () => json({ branches: [BRANCH, majorna] }))
      .on('GET', '/api/staff/branches/2/calls', () =>
        json({ branch: majorna, calls: [], lastEventId: 0 }),
      )
      .on('GET', '/api/content?branch=2', () => json(CONTENT));
    render(<StaffApp />);
    fireEvent.change(await screen.findByLabelText('E-postadress'), {
      target: { value: ME.email },
    });
    fireEvent.change(screen.getByLabelText('Lösenord'), { target: { value: 'the password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Majornas bibliotek' }));
    expect(await screen.findByText('Ingen väntar på hjälp just nu.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Majornas bibliotek');
    expect(localStorage.getItem('lotsen.staff.branch')).toBe('2');
    expect(FakeEventSource.latest().url).toBe('/api/staff/branches/2/events?after=0');
    expect(screen.getByText(`Inloggad som ${ME.email}`)).toBeTruthy();
  });

  it('logs out', async () => {
    serveBranch([]);
    api.on('POST', '/api/auth/logout', () => new Response(null, { status: 204 }));
    const stream = await openQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Logga ut' }));
    expect(await screen.findByText('Du har loggat ut.')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logga in');
    expect(stream.closed).toBe(true);
  });
});

describe('the queue', () => {
  it('shows each open call, oldest first, with all staff need to know', async () => {
    // The server's clock is 10 minutes ahead of this device's: wait times follow the server.
    const serverNow = Date.now() + 10 * 60_000;
    const printers = staffCall({ serverNow, minutesAgo: 4 });
    const children = staffCall({
      serverNow,
      minutesAgo: 0,
      location: 'Barnavdelningen',
      deviceName: 'Surfplatta 5',
      language: 'sv',
      guideId: null,
      stepNumber: null,
      needs: [],
    });
    const finished = staffCall({
      serverNow,
      minutesAgo: 30,
      location: 'Tidningshörnan',
      status: 'done',
      doneAt: new Date(serverNow - 20 * 60_000).toISOString(),
    });
    serveBranch([children, finished, printers], { serverNow });
    await openQueue();

    const locations = screen
      .getAllByRole('article')
      .map((article) => within(article).getByRole('heading').textContent);
    expect(locations).toEqual(['2:a våningen, vid skrivarna', 'Barnavdelningen']);

    const printersCard = within(card('2:a våningen, vid skrivarna'));
    expect(printersCard.getByText('Väntat 4 min')).toBeTruthy();
    expect(printersCard.getByText('Väntar')).toBeTruthy();
    expect(printersCard.getByText('Surfplatta 2')).toBeTruthy();
    expect((await printersCard.findByText('Skaffa Mobilt BankID')).getAttribute('lang')).toBe('sv');
    expect(printersCard.getByText(', steg 3')).toBeTruthy();
    expect(printersCard.getByText('العربية').getAttribute('lang')).toBe('ar');
    expect(printersCard.getByText('(arabiska)')).toBeTruthy();
    expect(printersCard.getByText('Vill ha hjälp på sitt språk')).toBeTruthy();
    expect(printersCard.getByText('Ser dåligt')).toBeTruthy();
    expect(printersCard.getByRole('button', { name: 'Jag kommer' })).toBeTruthy();
    expect(printersCard.getByRole('button', { name: 'Klar' })).toBeTruthy();

    const childrenCard = within(card('Barnavdelningen'));
    expect(childrenCard.getByText('Väntat < 1 min')).toBeTruthy();
    expect(childrenCard.getByText('På startsidan')).toBeTruthy();
    expect(childrenCard.getByText('Svenska')).toBeTruthy();
    expect(childrenCard.queryByText(/svenska\)/)).toBeNull();

    // Today's history is folded away below.
    const history = screen.getByText('Avslutade i dag (1)').closest('details');
    expect(history?.open).toBe(false);
    expect(within(history as HTMLElement).getByText('Tidningshörnan')).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Tidningshörnan' })).toBeNull();

    await waitFor(() => {
      expect(document.title).toBe(`(2) ${TITLE}`);
    });
  });

  it('keeps counting how long visitors have waited', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    serveBranch([staffCall({ minutesAgo: 4 })]);
    await openQueue();
    expect(screen.getByText('Väntat 4 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('Väntat 5 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(screen.getByText('Väntat 1 h 5 min')).toBeTruthy();
  });

  it('speaks the staff member’s language', async () => {
    serveBranch([staffCall({ minutesAgo: 4 })]);
    await openQueue();
    fireEvent.change(screen.getByLabelText('Språk'), { target: { value: 'en' } });
    expect(await screen.findByRole('button', { name: "I'm coming" })).toBeTruthy();
    const printers = within(card('2:a våningen, vid skrivarna'));
    expect(printers.getByText('(Arabic)')).toBeTruthy();
    expect(printers.getByText('Waited 4 min')).toBeTruthy();
    expect(await printers.findByText('Get Mobile BankID')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('lotsen.staff.language')).toBe('en');
  });
});

describe('live updates', () => {
  it('listens from the list’s last event and says honestly whether it is live', async () => {
    serveBranch([], { lastEventId: 41 });
    const stream = await openQueue();
    expect(stream.url).toBe('/api/staff/branches/1/events?after=41');
    expect(screen.getByText('Ansluter …')).toBeTruthy();
    stream.open();
    expect(screen.getByText('Live')).toBeTruthy();
    stream.lose();
    expect(screen.getByText('Återansluter …')).toBeTruthy();
    expect(screen.queryByText('Live')).toBeNull();
    stream.open();
    expect(screen.getByText('Live')).toBeTruthy();
  });

  it('adds a new call once, however often it is told, and alerts', async () => {
    const waiting = staffCall({ minutesAgo: 3, location: 'Läsesalen' });
    serveBranch([waiting]);
    const stream = await openQueue();
    stream.open();
    await waitFor(() => {
      expect(document.title).toBe(`(1) ${TITLE}`);
    });
    expect(announcements()).toEqual([]);

    const fresh = staffCall({ minutesAgo: 0, location: 'Entrén, vid kopiatorn' });
    stream.helpCall('created', fresh, 8);
    stream.helpCall('created', fresh, 8);

    expect(screen.getAllByRole('article', { name: 'Entrén, vid kopiatorn' })).toHaveLength(1);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(within(card('Entrén, vid kopiatorn')).getByText('Nytt')).toBeTruthy();
    expect(within(card('Läsesalen')).queryByText('Nytt')).toBeNull();
    await waitFor(() => {
      expect(document.title).toBe(`(2) ${TITLE}`);
    });
    expect(announcements()).toEqual(['Nytt anrop: Entrén, vid kopiatorn']);

    // The banner takes staff to the new card, at the end of the queue.
    fireEvent.click(screen.getByRole('button', { name: 'Visa' }));
    expect(document.activeElement).toBe(card('Entrén, vid kopiatorn'));
    expect(screen.queryByRole('button', { name: 'Visa' })).toBeNull();
  });

  it('updates a card when a colleague is on the way, and never alerts for old news', async () => {
    const waiting = staffCall({ minutesAgo: 3 });
    serveBranch([waiting]);
    const stream = await openQueue();
    stream.open();

    stream.helpCall(
      'acknowledged',
      {
        ...waiting,
        status: 'acknowledged',
        acknowledgedAt: new Date().toISOString(),
        acknowledgedBy: COLLEAGUE,
      },
      9,
    );
    const printers = within(card(waiting.location));
    expect(printers.getByText(`${COLLEAGUE.email} är på väg`)).toBeTruthy();
    expect(printers.queryByRole('button', { name: 'Jag kommer' })).toBeNull();
    expect(printers.getByRole('button', { name: 'Klar' })).toBeTruthy();
    await waitFor(() => {
      expect(document.title).toBe(TITLE);
    });

    // A replayed "created" carries the call as it is now: already done, so no alert and no card.
    const over = staffCall({ location: 'Kafét', status: 'done', doneAt: new Date().toISOString() });
    stream.helpCall('created', over, 10);
    expect(screen.queryByRole('article', { name: 'Kafét' })).toBeNull();
    expect(screen.getByText('Avslutade i dag (1)')).toBeTruthy();
    expect(announcements()).toEqual([]);
  });

  it('reloads the calls on "resync" and listens on from their last event', async () => {
    const waiting = staffCall({ minutesAgo: 3 });
    const missed = staffCall({ minutesAgo: 1, location: 'Musikavdelningen' });
    serveBranch([waiting], { lastEventId: 7 });
    api.on(
      'GET',
      CALLS_URL,
      () => json({ branch: BRANCH, calls: [waiting], lastEventId: 7 }),
      () => json({ branch: BRANCH, calls: [waiting, missed], lastEventId: 1500 }),
    );
    const stream = await openQueue();
    stream.open();

    stream.send('resync', { lastEventId: 1400 }, 1400);

    expect(await screen.findByRole('article', { name: 'Musikavdelningen' })).toBeTruthy();
    expect(api.requestsTo('GET', CALLS_URL)).toHaveLength(2);
    expect(stream.closed).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.latest().url).toBe('/api/staff/branches/1/events?after=1500');
    expect(screen.getAllByRole('article')).toHaveLength(2);
    // It started waiting while the screen was not listening: still news.
    expect(announcements()).toEqual(['Nytt anrop: Musikavdelningen']);
  });

  it('reopens the stream when the heartbeat stops, and stays live while it comes', async () => {
    // A phone that slept or changed Wi-Fi gets no error from EventSource: only silence.
    // The clock still runs (the screen's loading waits on short timeouts); the test jumps it on.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const advance = (ms: number) => {
      act(() => {
        vi.advanceTimersByTime(ms);
      });
    };
    const silenceLimit = 2.5 * HELP_CALL_HEARTBEAT_INTERVAL_MS;
    const missed = staffCall({ minutesAgo: 0, location: 'Musikavdelningen' });
    serveBranch([], { lastEventId: 7 });
    api.on(
      'GET',
      CALLS_URL,
      () => json({ branch: BRANCH, calls: [], lastEventId: 7 }),
      () => json({ branch: BRANCH, calls: [missed], lastEventId: 9 }),
    );
    const stream = await openQueue();
    stream.open();

    // Heartbeats, and events too, keep it live far past the limit.
    for (let beat = 0; beat < 5; beat += 1) {
      advance(HELP_CALL_HEARTBEAT_INTERVAL_MS);
      stream.heartbeat();
    }
    advance(silenceLimit - 1);
    stream.helpCall('created', staffCall({ location: 'Läsesalen' }), 8);
    advance(silenceLimit - 1);
    expect(screen.getByText('Live')).toBeTruthy();
    expect(stream.closed).toBe(false);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(api.requestsTo('GET', CALLS_URL)).toHaveLength(1);

    // Then silence: the screen stops claiming "Live", reloads the list and listens on from it.
    advance(1);
    expect(screen.getByText('Återansluter …')).toBeTruthy();
    expect(screen.queryByText('Live')).toBeNull();
    expect(stream.closed).toBe(true);
    expect(await screen.findByRole('article', { name: 'Musikavdelningen' })).toBeTruthy();
    expect(api.requestsTo('GET', CALLS_URL)).toHaveLength(2);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.latest().url).toBe('/api/staff/branches/1/events?after=9');
    // It started waiting while the screen was deaf: still news.
    expect(announcements()).toEqual(['Nytt anrop: Musikavdelningen']);
    expect(screen.getByText('Återansluter …')).toBeTruthy();
    FakeEventSource.latest().open();
    expect(screen.getByText('Live')).toBeTruthy();

    // Gone from the screen, it leaves no timer behind to reconnect.
    cleanup();
    advance(10 * silenceLimit);
    expect(FakeEventSource.latest().closed).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(api.requestsTo('GET', CALLS_URL)).toHaveLength(2);
  });

  it('rings a two-tone chime for each new call once staff turn the sound on', async () => {
    const contexts: FakeAudioContext[] = [];
    class FakeAudioContext {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      tones: number[] = [];
      resume = vi.fn(() => {
        this.state = 'running';
        return Promise.resolve();
      });
      constructor() {
        contexts.push(this);
      }
      createOscillator() {
        const frequency = { value: 0, setValueAtTime: (hz: number) => (frequency.value = hz) };
        return {
          type: 'sine',
          frequency,
          connect: <T,>(node: T) => node,
          start: () => this.tones.push(frequency.value),
          stop: () => undefined,
        };
      }
      createGain() {
        const ramp = () => undefined;
        return {
          gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp },
          connect: <T,>(node: T) => node,
        };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    serveBranch([]);
    const stream = await openQueue();
    stream.open();

    fireEvent.click(screen.getByRole('button', { name: 'Slå på ljud' }));
    await screen.findByRole('button', { name: 'Stäng av ljud' });
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.resume).toHaveBeenCalled();
    // It rings once as it is turned on, so staff know what to listen for.
    expect(contexts[0]?.tones).toHaveLength(2);
    expect(new Set(contexts[0]?.tones).size).toBe(2);

    const fresh = staffCall();
    stream.helpCall('created', fresh, 8);
    stream.helpCall('created', fresh, 8);
    expect(contexts[0]?.tones).toHaveLength(4);

    fireEvent.click(screen.getByRole('button', { name: 'Stäng av ljud' }));
    stream.helpCall('created', staffCall({ location: 'Hörnan' }), 9);
    expect(contexts[0]?.tones).toHaveLength(4);
  });
});

describe('acting on a call', () => {
  it('"I’m coming" tells the server and shows who is on the way', async () => {
    const waiting = staffCall({ minutesAgo: 2 });
    const url = `/api/help-calls/${waiting.id}/acknowledge`;
    serveBranch([waiting]);
    api.on('POST', url, () =>
      json({
        ...waiting,
        status: 'acknowledged',
        acknowledgedAt: new Date().toISOString(),
        acknowledgedBy: { id: ME.id, email: ME.email },
      }),
    );
    await openQueue();
    const printers = within(card(waiting.location));

    fireEvent.click(printers.getByRole('button', { name: 'Jag kommer' }));

    expect(await printers.findByText('Du är på väg')).toBeTruthy();
    expect(api.requestsTo('POST', url)).toHaveLength(1);
    expect(printers.queryByRole('button', { name: 'Jag kommer' })).toBeNull();
    // The focus stays on the card, on what comes next.
    expect(document.activeElement).toBe(printers.getByRole('button', { name: 'Klar' }));
    // The tab title follows the queue in an effect, after the card has changed.
    await waitFor(() => {
      expect(document.title).toBe(TITLE);
    });
  });

  it('shows the server’s reason when a colleague got there first', async () => {
    const waiting = staffCall();
    serveBranch([waiting]);
    api.on('POST', `/api/help-calls/${waiting.id}/acknowledge`, () =>
      problem(409, `${COLLEAGUE.email} is already on the way to this call.`),
    );
    await openQueue();
    const printers = within(card(waiting.location));
    fireEvent.click(printers.getByRole('button', { name: 'Jag kommer' }));
    expect((await printers.findByRole('alert')).textContent).toBe(
      `${COLLEAGUE.email} is already on the way to this call.`,
    );
  });

  it('"Done" moves the call to today’s history', async () => {
    const waiting = staffCall();
    serveBranch([waiting]);
    api.on('POST', `/api/help-calls/${waiting.id}/done`, () =>
      json({ ...waiting, status: 'done', doneAt: new Date().toISOString() }),
    );
    await openQueue();
    fireEvent.click(within(card(waiting.location)).getByRole('button', { name: 'Klar' }));
    expect(await screen.findByText('Avslutade i dag (1)')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByText('Ingen väntar på hjälp just nu.')).toBeTruthy();
  });
});

describe('when the session ends', () => {
  it('goes back to the login from a button', async () => {
    const waiting = staffCall();
    serveBranch([waiting]);
    api.on('POST', `/api/help-calls/${waiting.id}/acknowledge`, notLoggedIn);
    const stream = await openQueue();
    fireEvent.click(within(card(waiting.location)).getByRole('button', { name: 'Jag kommer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(
      screen.getByText('Du är inte inloggad längre. Logga in igen.').getAttribute('role'),
    ).toBe('alert');
    // The live stream closes as the queue screen unmounts, which may follow the login's first paint.
    await waitFor(() => {
      expect(stream.closed).toBe(true);
    });
  });

  it('goes back to the login when the event stream is refused', async () => {
    serveBranch([]);
    const stream = await openQueue();
    stream.open();
    api.on('GET', CALLS_URL, notLoggedIn);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    stream.fail();
    expect(screen.getByText('Återansluter …')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logga in');
    expect(screen.getByText('Du är inte inloggad längre. Logga in igen.')).toBeTruthy();
  });

  it('asks for another branch when the remembered one is gone', async () => {
    serveBranch([]);
    api
      .on('GET', CALLS_URL, () => problem(404, 'There is no library branch with id 1.'))
      .on('GET', '/api/staff/branches', () => json({ branches: [{ id: 3, name: 'Frölunda' }] }));
    render(<StaffApp />);
    expect(await screen.findByRole('button', { name: 'Frölunda' })).toBeTruthy();
    expect(
      screen.getByText('Biblioteket du valde finns inte längre. Välj ett annat.'),
    ).toBeTruthy();
    expect(localStorage.getItem('lotsen.staff.branch')).toBeNull();
  });
});
