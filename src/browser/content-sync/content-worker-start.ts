/**
 * Starts the content worker as the kiosk's page starts, before anything is
 * drawn: on a new tablet the first sync is what the visitor waits for, so
 * its download begins beside the page's own instead of after it. Kept tiny
 * (no comlink), as it is part of what the page loads first;
 * content-worker-client.ts talks to the worker started here.
 */

/**
 * The worker's script: built as its own entry beside index.html (vite.config.ts), so it
 * shares the page's chunks; in development Vite serves the source.
 */
const WORKER_URL = import.meta.env.DEV
  ? '/src/browser/content-sync/content-worker.ts'
  : '/content-worker.js';

export interface StartedWorker {
  worker: Worker;
  /** Set when the worker stopped (most often: its script did not load, first visit offline). */
  failure: string | null;
  /** Called once when it stops, with `failure`; a late listener is called at once. */
  onFailure(listener: (failure: string) => void): void;
}

let current: StartedWorker | undefined;

/** The running content worker, started now if there is none (or the last one failed). */
export function startContentWorker(): StartedWorker {
  if (current && current.failure === null) return current;
  const worker = new Worker(WORKER_URL, { type: 'module', name: 'lotsen-content' });
  const listeners: ((failure: string) => void)[] = [];
  const started: StartedWorker = {
    worker,
    failure: null,
    onFailure(listener) {
      if (started.failure === null) listeners.push(listener);
      else listener(started.failure);
    },
  };
  worker.addEventListener(
    'error',
    (event) => {
      started.failure = event.message || 'it did not load';
      worker.terminate();
      for (const listener of listeners.splice(0)) listener(started.failure);
    },
    { once: true },
  );
  current = started;
  return started;
}
