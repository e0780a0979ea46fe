// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { changeKioskLanguage } from '../../src/browser/i18n/kiosk-i18n.ts';
import { kioskDb } from '../../src/browser/local-db/kiosk-db.ts';
import { CategoryTiles } from '../../src/kiosk/CategoryTiles.tsx';
import { GuidePlayer } from '../../src/kiosk/GuidePlayer.tsx';
import { ImageSource } from '../../src/kiosk/image-source.tsx';
import { LanguagePicker } from '../../src/kiosk/LanguagePicker.tsx';
import { stopNarration } from '../../src/kiosk/read-aloud/narration.ts';
import { isReadingAloud } from '../../src/kiosk/read-aloud/reading-aloud.ts';
import { splitIntoSentences, useVoiceFor, voiceFor } from '../../src/kiosk/read-aloud/speech.ts';
import { StepView } from '../../src/kiosk/StepView.tsx';
import type { Step } from '../../src/shared/content/guide.ts';
import type { LanguageCode } from '../../src/shared/languages.ts';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY, LIBRARY } from '../fixtures/kiosk-guides.ts';
import { freshKiosk } from './kiosk-state.ts';

/** A voice as the browser describes one; on the tablet itself unless said otherwise. */
function voice(lang: string, options: { local?: boolean; isDefault?: boolean } = {}) {
  return {
    name: `Voice ${lang}`,
    voiceURI: `voice-${lang}`,
    lang,
    localService: options.local ?? true,
    default: options.isDefault ?? false,
  } as SpeechSynthesisVoice;
}

/** The parts of SpeechSynthesisUtterance the kiosk uses. */
class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

/**
 * The browser's speech synthesis, as Chrome behaves: one utterance at a
 * time, "voiceschanged" when voices arrive, and cancel() interrupting what is
 * queued. `said` lists every utterance as it starts.
 */
class FakeSpeechSynthesis extends EventTarget {
  voices: SpeechSynthesisVoice[] = [];
  said: { text: string; lang: string | undefined }[] = [];
  queue: FakeUtterance[] = [];
  paused = false;
  cancels = 0;

  get speaking(): boolean {
    return this.queue.length > 0;
  }

  getVoices(): SpeechSynthesisVoice[] {
    return [...this.voices];
  }

  setVoices(voices: SpeechSynthesisVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }

  speak(utterance: FakeUtterance): void {
    this.queue.push(utterance);
    if (this.queue.length === 1) this.start(utterance);
  }

  cancel(): void {
    this.cancels += 1;
    const interrupted = this.queue;
    this.queue = [];
    for (const utterance of interrupted) utterance.onerror?.({ error: 'interrupted' });
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /** The current utterance ends; the next one queued starts. */
  finishOne(): void {
    const done = this.queue.shift();
    if (!done) throw new Error('Nothing is being said');
    const next = this.queue[0];
    if (next) this.start(next);
    done.onend?.();
  }

  finishAll(): void {
    while (this.queue.length > 0) this.finishOne();
  }

  private start(utterance: FakeUtterance): void {
    // The voice actually used: the utterance's own, never a fallback the fake picks.
    this.said.push({ text: utterance.text, lang: utterance.voice?.lang });
  }
}

let speech: FakeSpeechSynthesis;

beforeEach(async () => {
  await freshKiosk();
  speech = new FakeSpeechSynthesis();
  vi.stubGlobal('speechSynthesis', speech);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});

afterEach(() => {
  cleanup();
  stopNarration();
  vi.unstubAllGlobals();
});

function renderStep(step: Step, language: LanguageCode, wrap = (node: ReactNode) => node) {
  return render(
    wrap(
      <StepView
        step={step}
        language={language}
        settings={LIBRARY}
        headingRef={createRef<HTMLHeadingElement>()}
      />,
    ),
  );
}

/** jsdom plays no sound: play() and pause() only record that they were asked for. */
function fakeAudioPlayback() {
  return {
    play: vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined),
    pause: vi.spyOn(HTMLMediaElement.prototype, 'pause').mockReturnValue(undefined),
  };
}

const readButton = () => screen.queryByRole('button', { name: 'Read aloud' });
const FIRST_STEP = BANKID_GUIDE.steps[0] as Step;
const SECOND_STEP = BANKID_GUIDE.steps[1] as Step;

/** A step in Somali, which tablets rarely have a voice for, with an editor's recording. */
const SOMALI_STEP: Step = {
  id: 'somali',
  text: {
    sv: { title: 'Öppna appen', body: 'Öppna appen.', callouts: [] },
    so: {
      title: 'Fur barnaamijka',
      body: 'Fur barnaamijka.',
      callouts: [],
      audio: { id: 'somali-clip' },
    },
  },
};

describe('choosing a voice', () => {
  it('never picks a voice of another language, whatever the default', () => {
    const voices = [voice('en-US', { isDefault: true }), voice('fi-FI'), voice('sv-SE')];
    expect(voiceFor(voices, 'fa')).toBeNull();
    expect(voiceFor(voices, 'so')).toBeNull();
    expect(voiceFor(voices, 'ar')).toBeNull();
    expect(voiceFor(voices, 'fi')?.lang).toBe('fi-FI');
    // Easy-to-read Swedish is read by a Swedish voice.
    expect(voiceFor(voices, 'sv-x-ll')?.lang).toBe('sv-SE');
    expect(voiceFor([voice('fa-IR'), voice('en-GB')], 'fa')?.lang).toBe('fa-IR');
    expect(voiceFor([voice('so_SO')], 'so')?.lang).toBe('so_SO');
  });

  it('prefers a voice on the tablet, which works offline, to a network voice', () => {
    const network = voice('sv-SE', { local: false, isDefault: true });
    const onTablet = voice('sv-FI');
    expect(voiceFor([network, onTablet], 'sv')).toBe(onTablet);
  });

  it('re-renders the screens that read voices only when the voices change', () => {
    let renders = 0;
    function SwedishVoice() {
      renders += 1;
      return <p>{useVoiceFor('sv')?.name ?? 'no voice'}</p>;
    }
    render(
      <>
        <SwedishVoice />
        <SwedishVoice />
      </>,
    );
    const before = renders;
    // Chrome announces "voiceschanged" more than once and hands out a new list each time.
    act(() => {
      speech.setVoices([]);
    });
    expect(renders).toBe(before);
    act(() => {
      speech.setVoices([voice('sv-SE')]);
    });
    expect(screen.getAllByText('Voice sv-SE')).toHaveLength(2);
    const withVoice = renders;
    act(() => {
      speech.setVoices([voice('sv-SE')]);
    });
    expect(renders).toBe(withVoice);
  });

  it('cuts long text into sentences and long sentences between words', () => {
    expect(splitIntoSentences('Tryck här. Vänta sedan!  Klart?', 'sv')).toEqual([
      'Tryck här.',
      'Vänta sedan!',
      'Klart?',
    ]);
    const long = Array.from({ length: 60 }, () => 'ord').join(' ');
    const pieces = splitIntoSentences(long, 'sv');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= 180)).toBe(true);
    expect(pieces.join(' ')).toBe(long);
  });
});

describe('ReadAloudButton', () => {
  it('is hidden when the tablet has neither a voice for the language nor a recording', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('en-US', { isDefault: true })]);
    renderStep(SOMALI_STEP, 'so');
    expect(screen.getByRole('heading').textContent).toBe('Fur barnaamijka');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('is hidden in a browser without speech synthesis', async () => {
    vi.stubGlobal('speechSynthesis', undefined);
    await changeKioskLanguage('en');
    renderStep(FIRST_STEP, 'en');
    expect(screen.getByRole('heading').textContent).toBe('Check what you need');
    expect(readButton()).toBeNull();
  });

  it('appears when a voice arrives and reads title, body and callouts with it', async () => {
    await changeKioskLanguage('en');
    renderStep(FIRST_STEP, 'en');
    expect(readButton()).toBeNull();

    act(() => {
      speech.setVoices([voice('sv-SE'), voice('en-GB')]);
    });
    const button = await screen.findByRole('button', { name: 'Read aloud' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toBe('Stop reading');
    expect(isReadingAloud()).toBe(true);

    act(() => {
      speech.finishAll();
    });
    expect(speech.said).toEqual([
      { text: 'Check what you need', lang: 'en-GB' },
      { text: 'You need:', lang: 'en-GB' },
      { text: 'a personal identity number', lang: 'en-GB' },
      { text: 'a smartphone', lang: 'en-GB' },
      { text: 'Tip', lang: 'en-GB' },
      { text: 'Bring ID to the bank.', lang: 'en-GB' },
    ]);
    expect(isReadingAloud()).toBe(false);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent).toBe('Read aloud');
  });

  it('plays the recording from the tablet when there is no voice for the language', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('en-US', { isDefault: true }), voice('sv-SE')]);
    await kioskDb.images.put({
      id: 'somali-clip',
      sha256: 'a'.repeat(64),
      mimeType: 'audio/mpeg',
      blob: new Blob(['clip'], { type: 'audio/mpeg' }),
    });
    // jsdom makes no blob URLs; the browser gives the stored clip one.
    const before = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: () => 'blob:somali-clip',
    });
    onTestFinished(() => {
      if (before) Object.defineProperty(URL, 'createObjectURL', before);
      else Reflect.deleteProperty(URL, 'createObjectURL');
    });
    const { play, pause } = fakeAudioPlayback();

    renderStep(SOMALI_STEP, 'so');
    const button = await screen.findByRole('button', { name: /./ });
    fireEvent.click(button);
    expect(play).toHaveBeenCalledOnce();
    const audio = play.mock.contexts[0] as HTMLAudioElement;
    expect(audio.src).toBe('blob:somali-clip');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(isReadingAloud()).toBe(true);
    // Nothing is said with the English or Swedish voice instead.
    expect(speech.said).toEqual([]);

    act(() => {
      audio.dispatchEvent(new Event('ended'));
    });
    expect(isReadingAloud()).toBe(false);
    expect(button.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(button);
    expect(isReadingAloud()).toBe(true);
    fireEvent.click(button);
    expect(pause).toHaveBeenCalled();
    expect(isReadingAloud()).toBe(false);
  });

  it("plays the server's recording in the admin preview", async () => {
    await changeKioskLanguage('en');
    const { play } = fakeAudioPlayback();
    renderStep(SOMALI_STEP, 'so', (node) => (
      <ImageSource serverUrl={(id) => `http://localhost/api/images/${id}`}>{node}</ImageSource>
    ));
    fireEvent.click(screen.getByRole('button', { name: /./ }));
    expect((play.mock.contexts[0] as HTMLAudioElement).src).toBe(
      'http://localhost/api/images/somali-clip',
    );
  });

  it('reads Swedish screen labels with a Swedish voice, then their meaning', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('en-GB'), voice('sv-SE')]);
    const step: Step = {
      ...SECOND_STEP,
      text: {
        ...SECOND_STEP.text,
        en: {
          title: 'Install the app',
          body: 'Tap [[Installera|Install]] and then [[Öppna]].',
          callouts: [],
        },
      },
    };
    renderStep(step, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    act(() => {
      speech.finishAll();
    });
    expect(speech.said).toEqual([
      { text: 'Install the app', lang: 'en-GB' },
      { text: 'Tap', lang: 'en-GB' },
      { text: 'Installera', lang: 'sv-SE' },
      { text: 'Install', lang: 'en-GB' },
      { text: 'and then', lang: 'en-GB' },
      { text: 'Öppna', lang: 'sv-SE' },
    ]);
  });

  it('says only the meaning of a label when the tablet has no Swedish voice', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('en-GB', { isDefault: true })]);
    const step: Step = {
      ...SECOND_STEP,
      text: {
        ...SECOND_STEP.text,
        en: { title: 'Install', body: 'Tap [[Installera|Install]] and [[Öppna]].', callouts: [] },
      },
    };
    renderStep(step, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    act(() => {
      speech.finishAll();
    });
    expect(speech.said.map((part) => part.text)).toEqual(['Install', 'Tap', 'Install', 'and.']);
    expect(speech.said.every((part) => part.lang === 'en-GB')).toBe(true);
  });

  it('reads a Swedish step, labels and settings included, as one text', () => {
    speech.setVoices([voice('sv-SE')]);
    renderStep(BUS_GUIDE_SWEDISH_ONLY.steps[0] as Step, 'sv');
    fireEvent.click(screen.getByRole('button', { name: 'Läs upp' }));
    act(() => {
      speech.finishAll();
    });
    expect(speech.said).toEqual([
      { text: 'Öppna appen', lang: 'sv-SE' },
      { text: 'Öppna appen Västtrafik To Go i mobilen.', lang: 'sv-SE' },
    ]);
  });

  it('stops, and clears the reading flag, on Stop, on another step and when the guide closes', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('en-GB')]);
    const { unmount } = render(
      <GuidePlayer
        guide={BANKID_GUIDE}
        visitorLanguage="en"
        settings={LIBRARY}
        onLeave={vi.fn()}
        onFinish={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(isReadingAloud()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading' }));
    expect(isReadingAloud()).toBe(false);
    expect(speech.speaking).toBe(false);
    expect(screen.getByRole('button', { name: 'Read aloud' }).getAttribute('aria-pressed')).toBe(
      'false',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(isReadingAloud()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(isReadingAloud()).toBe(false);
    expect(speech.speaking).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Install the BankID app');

    const saidBefore = speech.said.length;
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(speech.said[saidBefore]).toEqual({ text: 'Install the BankID app', lang: 'en-GB' });
    unmount();
    expect(isReadingAloud()).toBe(false);
    expect(speech.speaking).toBe(false);
  });
});

describe('speaking pictograms and language names', () => {
  it('a touched tile says its name in the kiosk language, then opens', async () => {
    await changeKioskLanguage('en');
    speech.setVoices([voice('sv-SE'), voice('en-GB')]);
    const onOpen = vi.fn();
    render(<CategoryTiles guides={[BUS_GUIDE_SWEDISH_ONLY]} onOpen={onOpen} />);
    const tile = screen.getByRole('button', { name: 'Travel and tickets' });

    fireEvent.focus(tile);
    expect(speech.said).toEqual([]);

    fireEvent.click(tile);
    expect(speech.said).toEqual([{ text: 'Travel and tickets', lang: 'en-GB' }]);
    expect(onOpen).toHaveBeenCalledWith('travel');
    expect(isReadingAloud()).toBe(true);
    act(() => {
      speech.finishAll();
    });
    expect(isReadingAloud()).toBe(false);
  });

  it('a tile opens silently when there is no voice for the kiosk language', async () => {
    await changeKioskLanguage('ar');
    speech.setVoices([voice('en-US', { isDefault: true }), voice('sv-SE')]);
    const onOpen = vi.fn();
    render(<CategoryTiles guides={[BUS_GUIDE_SWEDISH_ONLY]} onOpen={onOpen} />);
    const tiles = screen.getAllByRole('button');
    expect(tiles).toHaveLength(1);
    fireEvent.click(tiles[0] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('travel');
    expect(speech.said).toEqual([]);
  });

  it('the language picker says each name with a voice of that language, or not at all', () => {
    speech.setVoices([voice('en-US', { isDefault: true }), voice('sv-SE'), voice('ar-SA')]);
    const onChoose = vi.fn();
    render(<LanguagePicker current="sv" onChoose={onChoose} />);

    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    expect(onChoose).toHaveBeenLastCalledWith('ar');
    expect(speech.said).toEqual([{ text: 'العربية', lang: 'ar-SA' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Lättläst svenska' }));
    expect(onChoose).toHaveBeenLastCalledWith('sv-x-ll');
    expect(speech.said.at(-1)).toEqual({ text: 'Lättläst svenska', lang: 'sv-SE' });

    const saidBefore = speech.said.length;
    fireEvent.click(screen.getByRole('button', { name: 'Suomi' }));
    fireEvent.click(screen.getByRole('button', { name: 'فارسی / دری' }));
    expect(onChoose).toHaveBeenLastCalledWith('fa');
    // No Finnish or Persian voice: silence, not the English default.
    expect(speech.said).toHaveLength(saidBefore);

    act(() => {
      speech.setVoices([...speech.voices, voice('fa-IR')]);
    });
    fireEvent.click(screen.getByRole('button', { name: 'فارسی / دری' }));
    expect(speech.said.at(-1)).toEqual({ text: 'فارسی, دری', lang: 'fa-IR' });
  });
});
