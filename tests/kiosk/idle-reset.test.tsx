// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { act, useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useContentSync } from '../../src/app/use-content-sync.ts';
import { savePairing } from '../../src/browser/device/kiosk-device-records.ts';
import { replaceContent } from '../../src/browser/local-db/content.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { recordFailure, storeHelpCall } from '../../src/browser/outbox/outbox-records.ts';
import { HOLD_START_OVER_AT_MOST_MS } from '../../src/kiosk/help/help-call-view.ts';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import { setReadingAloud } from '../../src/kiosk/read-aloud/reading-aloud.ts';
import { askIfStillThereAfterMs } from '../../src/kiosk/use-activity.ts';
import type { Guide } from '../../src/shared/content/guide.ts';
import { DEVICE, FakeLotsenServer, TOKEN } from '../browser/fake-lotsen-server.ts';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY, LIBRARY } from '../fixtures/kiosk-guides.ts';
import { freshKiosk } from './kiosk-state.ts';

const WELCOME = 'Välkommen! Här får du hjälp steg för steg.';
const QUESTION = { name: 'Är du kvar?' };

/** The tablet's guides, with the library's idle time set to `idleResetSeconds`. */
async function showGuidesWithIdleTime(idleResetSeconds: number, guides: Guide[] = [BANKID_GUIDE]) {
  await replaceContent(
    kioskDb,
    { release: 1, library: { ...LIBRARY, idleResetSeconds }, guides, images: [] },
    [],
    null,
  );
}

async function openBankIdGuide(
  category = 'BankID',
  guide: string | RegExp = 'Skaffa Mobilt BankID',
) {
  fireEvent.click(await screen.findByRole('button', { name: category }));
  fireEvent.click(await screen.findByRole('button', { name: guide }));
}

/** Starts the fake clock (timers only: the database keeps real time) at a last touch. */
function lastTouchNow() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.pointerDown(document.body);
}

async function passSeconds(seconds: number, stepSeconds = seconds) {
  for (let passed = 0; passed < seconds; passed += stepSeconds) {
    await act(async () => {
      vi.advanceTimersByTime(stepSeconds * 1000);
      await Promise.resolve();
    });
  }
}

/**
 * The question, once its lazily loaded chunk has rendered. Not findByRole: Testing
 * Library waits on setTimeout after finding, which the fake clock holds.
 */
async function theQuestion(name = QUESTION.name): Promise<HTMLElement> {
  for (let tries = 0; tries < 100; tries += 1) {
    const question = screen.queryByRole('dialog', { name });
    if (question) return question;
    await act(() => new Promise((resolve) => setImmediate(resolve)));
  }
  throw new Error(`The kiosk did not ask "${name}"`);
}

/** The countdown as shown: "30 sekunder kvar". */
function countdown(question: HTMLElement): string | null {
  return within(question).getByText(/sekunder? kvar/).textContent;
}

// The question's chunk is loaded lazily; loaded here, before a test fakes the timers module loading needs.
beforeAll(async () => {
  await import('../../src/kiosk/StillHereDialog.tsx');
});

beforeEach(async () => {
  await freshKiosk();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setReadingAloud(false);
});

describe('the idle reset', { timeout: 30_000 }, () => {
  it('asks after the library\'s idle time, counts down, and "still here" starts the wait again', async () => {
    await showGuidesWithIdleTime(45);
    render(<KioskApp />);
    await openBankIdGuide();
    expect(await screen.findByText('Steg 1 av 3')).toBeTruthy();

    lastTouchNow();
    await passSeconds(44);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    await passSeconds(1);
    const question = await theQuestion();
    expect(countdown(question)).toBe('30 sekunder kvar');
    const announcement = within(question).getByRole('status');
    expect(announcement.textContent).toBe('');

    await passSeconds(5, 1);
    expect(countdown(question)).toBe('25 sekunder kvar');
    expect(announcement.textContent).toBe('');
    await passSeconds(15, 1);
    expect(countdown(question)).toBe('10 sekunder kvar');
    // Screen readers hear it once more now, not at every second.
    expect(announcement.textContent).toBe('Om 10 sekunder börjar Lotsen om från början.');
    await passSeconds(1, 1);
    expect(announcement.textContent).toBe('Om 10 sekunder börjar Lotsen om från början.');

    const stay = within(question).getByRole('button', { name: 'Ja, jag är kvar' });
    fireEvent.pointerDown(stay);
    fireEvent.click(stay);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    // The 30 seconds the question waited are over, and nothing started over.
    await passSeconds(30);
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();

    // Asked again after the whole idle time from the answer, counting from 30 again.
    await passSeconds(14);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    await passSeconds(1);
    expect(await theQuestion()).toBeTruthy();
    expect(countdown(screen.getByRole('dialog', QUESTION))).toBe('30 sekunder kvar');
  });

  it('starts over when nobody answers: start screen in Swedish, default text and contrast, nothing of the session; guides and unsent calls kept', async () => {
    await showGuidesWithIdleTime(120, [BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY]);
    await savePairing(
      kioskDb,
      { deviceToken: TOKEN, device: DEVICE, library: LIBRARY, setupPin: null },
      Date.now(),
    );
    // A call the network never let through, older than a call's hold on the kiosk.
    const createdAt = Date.now() - HOLD_START_OVER_AT_MOST_MS - 60_000;
    const unsent = await storeHelpCall(
      kioskDb,
      { guideId: BANKID_GUIDE.id, stepNumber: 1, language: 'ar', needs: ['speaks-my-language'] },
      { id: crypto.randomUUID(), now: createdAt },
    );
    await recordFailure(kioskDb, unsent.id, {
      problem: { kind: 'network', status: null, message: 'Failed to fetch', at: createdAt },
      nextAttemptAt: Date.now() + 60 * 60_000,
    });
    const outboxBefore = await kioskDb.helpCalls.toArray();
    const onStartOver = vi.fn<() => void>();

    render(<KioskApp onStartOver={onStartOver} />);
    const larger = await screen.findByRole('button', { name: 'Större text' });
    fireEvent.click(larger);
    fireEvent.click(larger);
    fireEvent.click(screen.getByRole('button', { name: 'Hög kontrast' }));
    fireEvent.click(await screen.findByRole('button', { name: 'العربية' }));
    await screen.findByRole('button', { name: 'اطلب مساعدة' });
    await openBankIdGuide('BankID', /Skaffa Mobilt BankID/);
    sessionStorage.setItem('lotsen-visit', 'something of this visit');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.5');
    expect(document.documentElement.dataset.contrast).toBe('high');

    lastTouchNow();
    await passSeconds(120);
    const question = await theQuestion('هل ما زلت هنا؟');
    expect(question).toBeTruthy();
    expect(onStartOver).not.toHaveBeenCalled();
    await passSeconds(30);
    vi.useRealTimers();

    expect(await screen.findByText(WELCOME)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await waitFor(() => {
      expect(document.documentElement.dir).toBe('ltr');
    });
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1');
    expect(document.documentElement.dataset.contrast).toBe('standard');
    expect(screen.getByRole('button', { name: 'Hög kontrast' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => {
      expect(onStartOver).toHaveBeenCalledTimes(1);
    });

    // Content and outbox are as they were: the guides are there, the call is still to be sent.
    expect((await kioskDb.guides.toArray()).map((guide) => guide.id).sort()).toEqual(
      [BANKID_GUIDE.id, BUS_GUIDE_SWEDISH_ONLY.id].sort(),
    );
    expect((await kioskDb.contentState.get('content'))?.release).toBe(1);
    expect(await kioskDb.helpCalls.toArray()).toEqual(outboxBefore);
    expect(outboxBefore).toMatchObject([{ id: unsent.id, state: 'queued', dismissedAt: null }]);

    // A fresh start screen is not asked about.
    lastTouchNow();
    await passSeconds(10 * 60);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
  });

  it('starts over at once with "Start over now"', async () => {
    await showGuidesWithIdleTime(30);
    const onStartOver = vi.fn<() => void>();
    render(<KioskApp onStartOver={onStartOver} />);
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    await openBankIdGuide('BankID', 'Get Mobile BankID');
    expect(await screen.findByText('Step 1 of 3')).toBeTruthy();

    lastTouchNow();
    await passSeconds(30);
    const question = await theQuestion('Are you still there?');
    expect(within(question).getByText('seconds left').textContent).toBe('30 seconds left');
    fireEvent.click(within(question).getByRole('button', { name: 'Start over now' }));
    vi.useRealTimers();
    expect(await screen.findByText(WELCOME)).toBeTruthy();
    await waitFor(() => {
      expect(onStartOver).toHaveBeenCalledTimes(1);
    });
  });

  it('does not count while a step is read aloud, and counts again from when it stops', async () => {
    await showGuidesWithIdleTime(60);
    render(<KioskApp />);
    await openBankIdGuide();
    expect(await screen.findByText('Steg 1 av 3')).toBeTruthy();

    lastTouchNow();
    await passSeconds(50);
    act(() => {
      setReadingAloud(true);
    });
    await passSeconds(10 * 60, 60);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    act(() => {
      setReadingAloud(false);
    });
    await passSeconds(59);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    await passSeconds(1);
    expect(await theQuestion()).toBeTruthy();

    // Reading aloud that starts while the question waits takes it away: someone is listening.
    act(() => {
      setReadingAloud(true);
    });
    await passSeconds(60);
    expect(screen.queryByRole('dialog', QUESTION)).toBeNull();
    expect(screen.getByText('Steg 1 av 3')).toBeTruthy();
  });

  it('uses two minutes until the library has said otherwise, and for settings it cannot use', () => {
    expect(askIfStillThereAfterMs(undefined)).toBe(120_000);
    expect(askIfStillThereAfterMs(10)).toBe(120_000);
    expect(askIfStillThereAfterMs(90.5)).toBe(120_000);
    expect(askIfStillThereAfterMs('300')).toBe(120_000);
    expect(askIfStillThereAfterMs(30)).toBe(30_000);
    expect(askIfStillThereAfterMs(1800)).toBe(1_800_000);
  });
});

/** The kiosk as App composes it, but never "between visitors": only starting over applies guides. */
function TabletThatOnlyAppliesAtStartOver() {
  const [startOvers, setStartOvers] = useState(0);
  const { applyStagedGuides } = useContentSync(true, false);
  return (
    <>
      <KioskApp
        onStartOver={() => {
          setStartOvers((count) => count + 1);
          void applyStagedGuides();
        }}
      />
      <output>{`start overs: ${String(startOvers)}`}</output>
    </>
  );
}

describe('starting over applies what waited for the visitor to leave', { timeout: 30_000 }, () => {
  it('applies a staged content release at once', async () => {
    const WAIT = { timeout: 10_000 };
    const server = new FakeLotsenServer();
    server.publishContent([
      { ...BANKID_GUIDE, steps: BANKID_GUIDE.steps.map(({ id, text }) => ({ id, text })) },
    ]);
    vi.stubGlobal('fetch', server.fetch);
    render(<TabletThatOnlyAppliesAtStartOver />);
    // A tablet without guides takes its first release at once.
    await openBankIdGuide();
    expect(await screen.findByText('Steg 1 av 3', {}, WAIT)).toBeTruthy();

    server.publishContent([BUS_GUIDE_SWEDISH_ONLY]);
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => {
      expect((await kioskDb.stagedRelease.get('staged'))?.release).toBe(2);
    }, WAIT);
    expect((await kioskDb.contentState.get('content'))?.release).toBe(1);

    lastTouchNow();
    await passSeconds(120);
    fireEvent.click(
      within(await theQuestion()).getByRole('button', {
        name: 'Börja om nu',
      }),
    );
    vi.useRealTimers();
    expect(await screen.findByText('start overs: 1')).toBeTruthy();
    await waitFor(async () => {
      expect((await kioskDb.contentState.get('content'))?.release).toBe(2);
    }, WAIT);
    expect(await kioskDb.stagedRelease.count()).toBe(0);
    expect(await screen.findByRole('button', { name: 'Resor och biljetter' })).toBeTruthy();
  });
});
