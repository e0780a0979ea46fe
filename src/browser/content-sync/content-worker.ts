/**
 * The content sync's own thread. Downloading a release, checking it against
 * the contract, hashing its pictures and writing them to the tablet's
 * database is work the visitor must never feel: on the page's thread a large
 * release would make taps wait. Here it runs beside the page, on the same
 * database; Dexie tells the page's live queries what changed.
 */
import { expose } from 'comlink';
import { contentWork } from './content-work.ts';

expose(contentWork);
