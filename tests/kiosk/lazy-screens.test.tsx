// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { lazyComponent } from '../../src/kiosk/lazy-screens.tsx';

beforeEach(async () => {
  await changeKioskLanguage('sv');
  // React and the boundary report the failure; the test looks at what the visitor sees.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hej {name}</p>;
}

/** A screen whose chunk cannot be fetched the first `failures` times, as offline before the service worker has it. */
function screenFailingFirst(failures: number) {
  let attempts = 0;
  const Screen = lazyComponent<{ name: string }>(() => {
    attempts += 1;
    return attempts <= failures
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : Promise.resolve(Greeting);
  });
  return { Screen, attempts: () => attempts };
}

describe('a lazily loaded kiosk screen', () => {
  it('offers to try again when its code cannot be loaded, and shows the screen once it can', async () => {
    const { Screen, attempts } = screenFailingFirst(2);
    render(
      <main>
        <h1>Lotsen</h1>
        <Screen name="Ada" />
      </main>,
    );

    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toContain('Det gick inte att öppna den här delen just nu.');
    // The rest of the kiosk is still there.
    expect(screen.getByRole('heading', { name: 'Lotsen' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    await screen.findByRole('alert');
    expect(attempts()).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Hej Ada')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(attempts()).toBe(3);
  });

  it('says so in the visitor’s language', async () => {
    await changeKioskLanguage('en');
    const { Screen } = screenFailingFirst(1);
    render(<Screen name="Ada" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This part could not be opened just now.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hej Ada')).toBeTruthy();
  });
});
