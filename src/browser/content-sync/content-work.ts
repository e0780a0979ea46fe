/**
 * What the content worker does for the page: sync the tablet's content, and
 * apply a staged release. The worker (content-worker.ts) offers these to the
 * page; where there are no workers, the page calls them on its own thread.
 */
import { applyStagedRelease, readContentState } from '../local-db/content.ts';
import { kioskDb } from '../local-db/kiosk-db.ts';
import { syncContent, type ContentSyncOptions, type SyncOutcome } from './content-sync.ts';

/** The work on one tablet database (`options.db`); tests pass their own database and server. */
export function contentWorkFor(options: ContentSyncOptions) {
  let syncing: Promise<SyncOutcome> | null = null;

  /**
   * One sync; asked again while one runs, the same one's outcome. On a tablet
   * with no guides yet the new release is applied at once: no visitor's guide
   * can change under them, and a visitor may be waiting for guides to appear.
   */
  const sync = (): Promise<SyncOutcome> => {
    syncing ??= (async () => {
      const outcome = await syncContent(options);
      if (outcome.status === 'staged' && (await readContentState(options.db)) === undefined) {
        await applyStagedRelease(options.db);
      }
      return outcome;
    })().finally(() => {
      syncing = null;
    });
    return syncing;
  };

  return { sync, applyStaged: () => applyStagedRelease(options.db) };
}

export const contentWork = contentWorkFor({ db: kioskDb });

export type ContentWork = ReturnType<typeof contentWorkFor>;
