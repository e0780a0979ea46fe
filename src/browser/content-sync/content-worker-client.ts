import { wrap } from 'comlink';
import type { ContentWork } from './content-work.ts';

/** Sync and apply, done by the content worker; the same work on this thread where there are no workers. */
export type ContentWorker = ContentWork;

/**
 * The worker's script: built as its own entry beside index.html (vite.config.ts), so it
 * shares the page's chunks; in development Vite serves the source.
 */
const WORKER_URL = import.meta.env.DEV
  ? '/src/browser/content-sync/content-worker.ts'
  : '/content-worker.js';

let started: ContentWorker | undefined;

/** The page's one content worker, started on first use (and again after it failed). */
export function contentWorker(): ContentWorker {
  started ??= typeof Worker === 'undefined' ? onThisThread() : startWorker();
  return started;
}

function startWorker(): ContentWorker {
  const worker = new Worker(WORKER_URL, { type: 'module', name: 'lotsen-content' });
  const remote = wrap<ContentWork>(worker);
  // A worker whose script did not load (first visit, network gone) answers nothing: what
  // waits for it fails, and the next sync starts a new one.
  const failed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener(
      'error',
      (event) => {
        started = undefined;
        worker.terminate();
        reject(new Error(`The content worker stopped: ${event.message || 'it did not load'}`));
      },
      { once: true },
    );
  });
  failed.catch(() => undefined); // reported to whoever waits, if anyone does
  return {
    sync: () => Promise.race([remote.sync(), failed]),
    applyStaged: () => Promise.race([remote.applyStaged(), failed]),
  };
}

function onThisThread(): ContentWorker {
  const work = import('./content-work.ts').then((module) => module.contentWork);
  return {
    sync: () => work.then((does) => does.sync()),
    applyStaged: () => work.then((does) => does.applyStaged()),
  };
}
