import { startNarration, type Narration } from './narration.ts';

/**
 * Plays a step's recording (an editor's clip for a language the tablet has
 * no voice for), stopping whatever was read aloud before. The URL is the
 * clip's blob on the tablet, so it plays offline. `onEnd` is called once: at
 * the end, on stop, on error, or when something else starts.
 */
export function playRecording(url: string, onEnd?: () => void): Narration {
  const audio = new Audio(url);
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    onEnd?.();
  };
  const { narration, ended } = startNarration(() => {
    finish();
    audio.pause();
  });
  const over = () => {
    finish();
    ended();
  };
  audio.addEventListener('ended', over);
  audio.addEventListener('error', over);
  // play() is refused without a touch first; the button is that touch, but fail quietly anyway.
  audio.play().catch(over);
  return narration;
}
