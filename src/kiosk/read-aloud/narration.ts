import { setReadingAloud } from './reading-aloud.ts';

/**
 * The one thing the kiosk is reading aloud or playing right now: a spoken
 * step, a tile's name, a recording. Starting another stops it, so two voices
 * never talk at once, and the "reading aloud" flag that holds the idle timer
 * is true exactly while something plays.
 */
export interface Narration {
  /** Stops it now (a no-op once it has ended); its owner hears of it through its own onEnd. */
  stop: () => void;
}

interface Playing {
  stop: () => void;
}

let playing: Playing | null = null;

/**
 * Starts a narration, stopping whatever played before. `stop` halts the
 * sound; call the returned `ended` when it finished by itself.
 */
export function startNarration(stop: () => void): { narration: Narration; ended: () => void } {
  const before = playing;
  const mine: Playing = { stop };
  playing = mine;
  before?.stop();
  setReadingAloud(true);
  const ended = () => {
    if (playing !== mine) return;
    playing = null;
    setReadingAloud(false);
  };
  return {
    narration: {
      stop: () => {
        if (playing !== mine) return;
        playing = null;
        mine.stop();
        setReadingAloud(false);
      },
    },
    ended,
  };
}

/** Stops whatever is being read aloud or played, e.g. when the kiosk starts over. */
export function stopNarration(): void {
  const before = playing;
  playing = null;
  before?.stop();
  setReadingAloud(false);
}
