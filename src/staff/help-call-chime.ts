/**
 * The sound of a new help call: two soft bell tones, a rising major third,
 * made with the Web Audio API (no audio file to download or cache). Short
 * and gentle, because it may ring many times a day beside a quiet reading room.
 */
const TONES = [
  { frequency: 659.25, startsAt: 0 }, // E5
  { frequency: 830.61, startsAt: 0.22 }, // G♯5
];
const LOUDNESS = 0.25;
const RING_SECONDS = 1.1;

export function playChime(context: AudioContext): void {
  const now = context.currentTime;
  for (const { frequency, startsAt } of TONES) {
    const start = now + startsAt;
    const tone = context.createOscillator();
    const envelope = context.createGain();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(frequency, start);
    // A quick, click-free attack and a long bell-like fade.
    envelope.gain.setValueAtTime(0.0001, start);
    envelope.gain.exponentialRampToValueAtTime(LOUDNESS, start + 0.015);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + RING_SECONDS);
    tone.connect(envelope).connect(context.destination);
    tone.start(start);
    tone.stop(start + RING_SECONDS + 0.05);
  }
}
