import { useCallback, useRef, useState } from 'react';
import { playChime } from './help-call-chime.ts';

export interface HelpCallChime {
  /** False where the browser has no Web Audio: the button is not shown. */
  supported: boolean;
  on: boolean;
  /** Must run from a tap or click: browsers only start sound after a user gesture. */
  toggle: () => Promise<void>;
  /** Rings once, if the sound is on. */
  ring: () => void;
}

/**
 * The sound for new calls. Browsers keep a page silent until the person
 * taps something, so the staff member turns the sound on with one tap; that
 * tap starts the AudioContext and rings once, so they hear what to expect.
 */
export function useHelpCallChime(): HelpCallChime {
  const contextRef = useRef<AudioContext>(null);
  const [on, setOn] = useState(false);
  const supported = typeof AudioContext === 'function';

  const toggle = useCallback(async () => {
    if (on) {
      setOn(false);
      return;
    }
    contextRef.current ??= new AudioContext();
    const context = contextRef.current;
    await context.resume();
    playChime(context);
    setOn(true);
  }, [on]);

  const ring = useCallback(() => {
    const context = contextRef.current;
    if (!on || !context) return;
    // A phone may suspend audio while the screen is off; try to wake it (it may still refuse).
    if (context.state === 'suspended') void context.resume();
    playChime(context);
  }, [on]);

  return { supported, on, toggle, ring };
}
