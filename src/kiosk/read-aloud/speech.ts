import { useMemo, useSyncExternalStore } from 'react';
import { languageByCode, type LanguageCode } from '../../shared/languages.ts';
import { startNarration, type Narration } from './narration.ts';

/**
 * The browser's speech synthesis, for the kiosk. Tablets differ a lot in the
 * voices they have (Android often has none for Somali, Tigrinya or Persian),
 * and Chrome quietly reads text with an English voice when asked for a
 * language it lacks. So a voice is only ever used for a language whose
 * primary subtag it shares: a visitor never hears their words read by a
 * voice of another language.
 */

function synthesis(): SpeechSynthesis | undefined {
  return typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
}

// Other codes voices may use for the same written language: Dari voices are "prs".
const SAME_LANGUAGE: Partial<Record<string, readonly string[]>> = { fa: ['fa', 'prs'] };

function primarySubtag(tag: string): string {
  // Some Android versions write "sv_SE".
  return tag.replace(/_/g, '-').split('-')[0]?.toLowerCase() ?? '';
}

/** The best voice for a language, or null when there is none of that language. */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  code: LanguageCode,
): SpeechSynthesisVoice | null {
  const wanted = languageByCode(code).speechLang;
  const primary = primarySubtag(wanted);
  const accepted = SAME_LANGUAGE[primary] ?? [primary];
  let best: SpeechSynthesisVoice | null = null;
  let bestScore = -1;
  for (const voice of voices) {
    if (!accepted.includes(primarySubtag(voice.lang))) continue;
    // A voice on the tablet itself works offline; then the exact region; then the default.
    const score =
      (voice.localService ? 4 : 0) +
      (voice.lang.replace(/_/g, '-').toLowerCase() === wanted.toLowerCase() ? 2 : 0) +
      (voice.default ? 1 : 0);
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}

// The voice list, kept as one array so React sees a change only when the browser announces one.
const NO_VOICES: readonly SpeechSynthesisVoice[] = [];
let voices: readonly SpeechSynthesisVoice[] = NO_VOICES;
let voicesOf: SpeechSynthesis | undefined;
const listeners = new Set<() => void>();

function refreshVoices(): void {
  const engine = synthesis();
  voicesOf = engine;
  const fresh = engine?.getVoices() ?? NO_VOICES;
  // The browser hands out a new array each time: every screen that reads voices re-renders
  // only when the voices themselves changed.
  if (sameVoices(fresh, voices)) return;
  voices = fresh;
  for (const listener of listeners) listener();
}

function sameVoices(a: readonly SpeechSynthesisVoice[], b: readonly SpeechSynthesisVoice[]) {
  return a.length === b.length && a.every((voice, index) => voice.voiceURI === b[index]?.voiceURI);
}

function currentVoices(): readonly SpeechSynthesisVoice[] {
  const engine = synthesis();
  if (engine !== voicesOf) {
    voicesOf = engine;
    voices = engine?.getVoices() ?? NO_VOICES;
  }
  return voices;
}

let lookAgain: ReturnType<typeof setTimeout> | undefined;

function subscribeToVoices(listener: () => void): () => void {
  const engine = synthesis();
  listeners.add(listener);
  // Voices arrive after the page loads (Chrome announces them with "voiceschanged").
  engine?.addEventListener('voiceschanged', refreshVoices);
  // Some engines never announce them: look once more a moment later (once for all screens).
  if (currentVoices().length === 0 && engine && lookAgain === undefined) {
    lookAgain = setTimeout(refreshVoices, 1500);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      engine?.removeEventListener('voiceschanged', refreshVoices);
      clearTimeout(lookAgain);
      lookAgain = undefined;
    }
  };
}

/** The voice for a language on this tablet, updated as voices load; null while there is none. */
export function useVoiceFor(code: LanguageCode): SpeechSynthesisVoice | null {
  const available = useSyncExternalStore(subscribeToVoices, currentVoices, () => NO_VOICES);
  return useMemo(() => voiceFor(available, code), [available, code]);
}

/** Something to say and the voice to say it with. */
export interface SpeechPart {
  text: string;
  voice: SpeechSynthesisVoice;
}

// Chrome cuts utterances off after about 15 seconds, so none is longer than this.
const LONGEST_UTTERANCE = 180;

/** Text as short utterances: one per sentence, long sentences cut between words. */
export function splitIntoSentences(text: string, lang: string): string[] {
  const sentences =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text), (part) =>
          part.segment.trim(),
        )
      : text.split(/(?<=[.!?;:…።፧؟])\s+/).map((part) => part.trim());
  return sentences.filter((sentence) => sentence !== '').flatMap(cutLongSentence);
}

function cutLongSentence(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > LONGEST_UTTERANCE) {
    const window = rest.slice(0, LONGEST_UTTERANCE);
    const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('، '));
    const at = cut > LONGEST_UTTERANCE / 2 ? cut + 1 : window.lastIndexOf(' ');
    const end = at > 0 ? at : LONGEST_UTTERANCE;
    pieces.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Says the parts in order, each with its own voice, stopping whatever was
 * read aloud before. `onEnd` is called once: at the end, on stop, on error,
 * or when something else starts speaking.
 */
export function speak(parts: readonly SpeechPart[], onEnd?: () => void): Narration {
  const engine = synthesis();
  const queue = parts.flatMap((part) =>
    splitIntoSentences(part.text, part.voice.lang).map((text) => ({ text, voice: part.voice })),
  );
  if (!engine || queue.length === 0) {
    onEnd?.();
    return { stop: () => undefined };
  }

  let finished = false;
  // Chrome sometimes pauses speech by itself (e.g. after the screen dimmed); nudge it only then.
  const watchdog = setInterval(() => {
    if (engine.paused) engine.resume();
  }, 5000);
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(watchdog);
    onEnd?.();
  };
  const { narration, ended } = startNarration(() => {
    finish();
    engine.cancel();
  });

  let index = 0;
  // Held here until it ends: Chrome drops the events of an utterance nobody references.
  let current: SpeechSynthesisUtterance | null = null;
  const sayNext = () => {
    if (finished) return;
    const part = queue[index];
    index += 1;
    if (!part) {
      current = null;
      finish();
      ended();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(part.text);
    utterance.voice = part.voice;
    // Android's Chrome goes by the language more than by the voice.
    utterance.lang = part.voice.lang;
    utterance.onend = sayNext;
    utterance.onerror = () => {
      // Interrupted by a stop, or the engine failed: either way this reading is over.
      finish();
      ended();
    };
    current = utterance;
    engine.speak(current);
  };

  // Chrome can keep an old utterance stuck in its queue: clear it before speaking.
  engine.cancel();
  if (engine.paused) engine.resume();
  sayNext();
  return narration;
}

/** Says a short text, e.g. a tile's name; nothing when there is no voice for its language. */
export function sayName(text: string, voice: SpeechSynthesisVoice | null): void {
  if (voice) speak([{ text, voice }]);
}
