// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useContentSync } from '../../src/app/use-content-sync.ts';
import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { KioskApp } from '../../src/kiosk/KioskApp.tsx';
import { preloadKioskScreens } from '../../src/kiosk/lazy-screens.tsx';
import type { Guide } from '../../src/shared/content/guide.ts';
import { FakeLotsenServer } from '../browser/fake-lotsen-server.ts';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY } from '../fixtures/kiosk-guides.ts';

const WAIT = { timeout: 10_000 };
// Pictures are left out here: jsdom's ArrayBuffer is not the one Node's crypto hashes
// (tests/browser/content-sync.test.ts covers pictures).
const BANKID_GUIDE_NO_PICTURES: Guide = {
  ...BANKID_GUIDE,
  steps: BANKID_GUIDE.steps.map((step) => ({ id: step.id, text: step.text })),
};

/** The kiosk as App composes it: the content sync, told when the kiosk is between visitors. */
function Tablet() {
  const [betweenVisitors, setBetweenVisitors] = useState(false);
  useContentSync(true, betweenVisitors);
  return <KioskApp onBetweenVisitorsChange={setBetweenVisitors} />;
}

function retitled(guide: Guide, title: string): Guide {
  const sv = guide.text.sv;
  if (!sv) throw new Error('fixture has a Swedish title');
  return { ...guide, text: { ...guide.text, sv: { ...sv, title } } };
}

/** A sync as the network coming back starts it; resolves once the release is staged. */
async function syncAndWaitForStaged(release: number) {
  window.dispatchEvent(new Event('online'));
  await waitFor(async () => {
    const staged = await kioskDb.stagedRelease.get('staged');
    const applied = await kioskDb.contentState.get('content');
    expect(staged?.release ?? applied?.release).toBe(release);
  }, WAIT);
}

let server: FakeLotsenServer;

// The guide screen loads lazily on a tablet; here it is at hand at once, as after the preload.
beforeAll(() => preloadKioskScreens());

beforeEach(async () => {
  await Promise.all(
    [
      kioskDb.guides,
      kioskDb.images,
      kioskDb.contentState,
      kioskDb.stagedRelease,
      kioskDb.stagedImages,
      kioskDb.helpCalls,
      kioskDb.kioskDevice,
    ].map((table) => table.clear()),
  );
  await changeKioskLanguage('sv');
  server = new FakeLotsenServer();
  server.publishContent([BANKID_GUIDE_NO_PICTURES, BUS_GUIDE_SWEDISH_ONLY]);
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('new content on the kiosk', { timeout: 30_000 }, () => {
  it('shows the first release at once on a tablet that has no guides yet', async () => {
    render(<Tablet />);
    expect(await screen.findByRole('button', { name: 'BankID' }, WAIT)).toBeTruthy();
    expect((await kioskDb.contentState.get('content'))?.release).toBe(1);
  });

  it('opens the guide a deep link names on a new tablet, once the first release lands', async () => {
    window.history.replaceState(null, '', '/?guide=install-mobilt-bankid&step=2&lang=en');
    render(<Tablet />);
    // (tests/e2e/kiosk.spec.ts does this in Chromium, where the release comes from the worker.)
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Install the BankID app');
    }, WAIT);
    expect(window.location.search).toBe('');
  });

  it('waits while a guide or a guide list is open, and applies on the start screen', async () => {
    render(<Tablet />);
    fireEvent.click(await screen.findByRole('button', { name: 'Resor och biljetter' }, WAIT));
    fireEvent.click(screen.getByRole('button', { name: 'Köp en bussbiljett' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Öppna appen');

    // Release 2 renames the bus guide and unpublishes the BankID guide.
    server.publishContent([retitled(BUS_GUIDE_SWEDISH_ONLY, 'Köp en biljett till bussen')]);
    await syncAndWaitForStaged(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Öppna appen');
    expect((await kioskDb.contentState.get('content'))?.release).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Tillbaka' }));
    // The guide list is still the visitor's: the old title, not yet the new release.
    expect(screen.getByRole('button', { name: 'Köp en bussbiljett' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('button', { name: 'Köp en bussbiljett' })).toBeTruthy();
    expect((await kioskDb.contentState.get('content'))?.release).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Till början' }));
    await waitFor(async () => {
      expect((await kioskDb.contentState.get('content'))?.release).toBe(2);
    }, WAIT);
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'BankID' })).toBeNull();
    }, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Resor och biljetter' }));
    expect(screen.getByRole('button', { name: 'Köp en biljett till bussen' })).toBeTruthy();
    expect(await kioskDb.stagedRelease.count()).toBe(0);
  });

  it('asks the server again back on the start screen once the last sync is a minute old', async () => {
    render(<Tablet />);
    fireEvent.click(await screen.findByRole('button', { name: 'BankID' }, WAIT));
    fireEvent.click(screen.getByRole('button', { name: 'Till början' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.contentRequests).toHaveLength(1);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    fireEvent.click(screen.getByRole('button', { name: 'BankID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Till början' }));
    await waitFor(() => {
      expect(server.contentRequests).toHaveLength(2);
    }, WAIT);
    expect(server.contentRequests[1]?.since).toBe(1);
  });

  it('applies a release that arrives while the kiosk is on its start screen', async () => {
    render(<Tablet />);
    expect(await screen.findByRole('button', { name: 'BankID' }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resor och biljetter' })).toBeTruthy();

    server.publishContent([BANKID_GUIDE_NO_PICTURES]);
    window.dispatchEvent(new Event('online'));

    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Resor och biljetter' })).toBeNull();
    }, WAIT);
    expect((await kioskDb.contentState.get('content'))?.release).toBe(2);
    expect(await kioskDb.stagedRelease.count()).toBe(0);
  });
});
