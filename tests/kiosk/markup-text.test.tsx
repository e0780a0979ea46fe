// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkupText } from '../../src/kiosk/MarkupText.tsx';
import { LIBRARY } from '../fixtures/kiosk-guides.ts';

afterEach(cleanup);

function renderMarkup(source: string) {
  return render(<MarkupText source={source} settings={LIBRARY} />).container;
}

describe('MarkupText', () => {
  it('renders bold text as <strong>', () => {
    const container = renderMarkup('Tryck på **Nästa** nu.');
    expect(container.querySelector('p strong')?.textContent).toBe('Nästa');
    expect(container.textContent).toBe('Tryck på Nästa nu.');
  });

  it('renders bullet and numbered lists', () => {
    const container = renderMarkup('- ett\n- två\n\n1. först\n2. sedan');
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
      'ett',
      'två',
    ]);
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      'först',
      'sedan',
    ]);
  });

  it('renders line breaks and paragraphs', () => {
    const container = renderMarkup('Rad ett\nrad två\n\nNytt stycke');
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(container.querySelector('p br')).not.toBeNull();
  });

  it('shows on-screen labels as Swedish, left-to-right, isolated boxes', () => {
    const container = renderMarkup('اضغط على [[BankID på annan enhet]] الآن.');
    const label = container.querySelector('.screen-label');
    expect(label?.textContent).toBe('BankID på annan enhet');
    expect(label?.getAttribute('lang')).toBe('sv');
    expect(label?.getAttribute('dir')).toBe('ltr');
    expect(label?.parentElement?.tagName).toBe('BDI');
  });

  it("shows what a Swedish label means beside it, in the text's own language", () => {
    const container = renderMarkup('اضغط على [[Logga in|تسجيل الدخول]] الآن.');
    expect(container.querySelector('.screen-label')?.textContent).toBe('Logga in');
    const meaning = container.querySelector('.screen-label-meaning');
    expect(meaning?.textContent).toBe(' (تسجيل الدخول)');
    expect(meaning?.closest('[lang="sv"]')).toBeNull();
    expect(container.textContent).toBe('اضغط على Logga in (تسجيل الدخول) الآن.');
  });

  it("fills in the library's settings", () => {
    const container = renderMarkup(
      'Öppna {transportApp} och fråga vid {infoDesk} på {libraryName}.',
    );
    expect(container.textContent).toBe(
      'Öppna Västtrafik To Go och fråga vid informationsdisken vid entrén på Stadsbiblioteket.',
    );
  });

  it('never turns text into HTML', () => {
    const container = renderMarkup('Hej <img src=x onerror=alert(1)> och <b>inte fet</b>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('Hej <img src=x onerror=alert(1)> och <b>inte fet</b>');
  });

  it('shows broken markup as plain text rather than nothing', () => {
    const container = renderMarkup('Tryck på [[Nästa');
    expect(container.textContent).toBe('Tryck på [[Nästa');
  });
});
