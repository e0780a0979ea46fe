/**
 * The content sync's own thread. Downloading a release, checking it against
 * the contract, hashing its pictures and writing them to the tablet's
 * database is work the visitor must never feel: on the page's thread a large
 * release would make taps wait. Here it runs beside the page, on the same
 * database; Dexie tells the page's live queries what changed.
 */
import { expose } from 'comlink';
import { applyStagedRelease } from '../local-db/content.ts';
import { kioskDb } from '../local-db/kiosk-db.ts';
import { syncContent } from './content-sync.ts';

const contentWork = {
  sync: () => syncContent({ db: kioskDb }),
  applyStaged: () => applyStagedRelease(kioskDb),
};

export type ContentWork = typeof contentWork;

expose(contentWork);
