import { useSyncExternalStore } from 'react';

/**
 * Whether the kiosk is reading something aloud or playing a recording right
 * now. The idle timer holds while it is: a visitor listening to a step is
 * not gone, even if they touch nothing.
 */
let readingAloud = false;
const listeners = new Set<() => void>();

export function setReadingAloud(value: boolean): void {
  if (value === readingAloud) return;
  readingAloud = value;
  for (const listener of listeners) listener();
}

export function isReadingAloud(): boolean {
  return readingAloud;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useReadingAloud(): boolean {
  return useSyncExternalStore(subscribe, isReadingAloud, () => false);
}
