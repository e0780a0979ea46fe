import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { Guide } from '../../shared/content/guide.ts';
import type { LibrarySettings } from '../../shared/api/contract.ts';
import type { DeviceProblemCode, KioskDevice, KioskSetupPin } from '../../shared/api/devices.ts';
import type { HelpCallRequest, HelpCallStatus } from '../../shared/api/help-calls.ts';

/** A guide picture, kept as bytes so the kiosk can show it with the network down. */
export interface StoredImage {
  id: string;
  sha256: string;
  mimeType: string;
  blob: Blob;
}

/** Which content release the tablet holds, and the library settings that came with it. */
export interface ContentState {
  key: 'content';
  release: number;
  etag: string | null;
  library: LibrarySettings;
  syncedAt: number;
  /**
   * Every guide of the release, in the order the kiosk lists them. Missing in
   * content stored before version 3, which listed guides by id.
   */
  guideIds?: string[];
  /**
   * The pictures each guide shows, so a delta sync knows what an unchanged
   * guide needs without reading every guide. Missing before version 3.
   */
  guideImages?: GuideImages;
}

/** A picture a release shows, named by its bytes. */
export interface ReleaseImage {
  id: string;
  sha256: string;
}

/** By guide id, the pictures the guide shows. */
export type GuideImages = Record<string, ReleaseImage[]>;

/**
 * A complete release, downloaded and waiting for the kiosk to be between
 * visitors. At most one row; written only when every picture it needs is on
 * the tablet (applied already, or in stagedImages).
 */
export interface StagedRelease {
  key: 'staged';
  release: number;
  /** The applied release this one was built on (0: none); a sync checks it has not changed. */
  base: number;
  etag: string | null;
  library: LibrarySettings;
  /** Every guide of the release, in the order the kiosk lists them. */
  guideIds: string[];
  /**
   * The guides that change: those published after `base`, or every guide when
   * `full` (the tablet had nothing, or its guides did not fit the delta).
   * A guide the kiosk shows that is not in `guideIds` is removed.
   */
  changedGuides: Guide[];
  full: boolean;
  guideImages: GuideImages;
  /** Every picture the guides show. */
  images: ReleaseImage[];
  stagedAt: number;
}

/** The tablet's pairing with the Lotsen server. At most one row; none until the tablet is paired. */
export interface StoredKioskDevice {
  key: 'device';
  /** Sent as `Authorization: Bearer`. Kept when the server refuses it, so staff can see what happened. */
  deviceToken: string;
  device: KioskDevice;
  /** The branch's settings as GET /api/devices/me last said; null until it answered once. */
  library: LibrarySettings | null;
  /** What unlocks the setup screen (a salted hash, never the PIN); null when the branch has no PIN. */
  setupPin: KioskSetupPin | null;
  /** Set when the server refused the token: the tablet needs pairing again. Calls wait meanwhile. */
  problem: DeviceProblemCode | null;
  pairedAt: number;
  refreshedAt: number | null;
}

/**
 * Where a help call is on its way to staff:
 * - queued: saved on the tablet, not yet accepted by the server;
 * - delivered: the server has it (serverStatus says what staff did);
 * - refused: the server will never take it (a 4xx); kept, and counted on the setup screen;
 * - cancelled: the visitor cancelled it before the server had it; never sent.
 */
export type OutboxHelpCallState = 'queued' | 'delivered' | 'refused' | 'cancelled';

export interface OutboxProblem {
  kind: 'network' | 'server' | 'rate-limited' | 'device' | 'refused' | 'unexpected-answer';
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** For staff and logs, not for visitors: the server's own words where there are some. */
  message: string;
  at: number;
}

/** A help call in the tablet's outbox. Times are the tablet's milliseconds since 1970. */
export interface OutboxHelpCall {
  /** crypto.randomUUID(), made once: every retry sends the same id, so the server stores the call once. */
  id: string;
  /** Exactly what is sent, every time. */
  request: HelpCallRequest;
  state: OutboxHelpCallState;
  createdAt: number;
  /** Sends started (each one written down before the request goes out). */
  attempts: number;
  /** Failed requests in a row about this call (send, cancel or status check); drives the backoff. */
  failures: number;
  /** When the outbox should next talk to the server about this call (send, cancel, or status check). */
  nextAttemptAt: number;
  lastError: OutboxProblem | null;
  /**
   * True once a send may have reached the server: a request was started and no
   * answer proved that the server did not store it. Such a call is cancelled by
   * asking the server, never just locally.
   */
  maybeOnServer: boolean;
  deliveredAt: number | null;
  /** What staff did, as the server last said; null until delivered. */
  serverStatus: HelpCallStatus | null;
  /** When the visitor pressed Cancel; the cancel is sent (or applied locally) by the outbox. */
  cancelRequestedAt: number | null;
  /** When the tablet learned the call is over (done, cancelled or refused). */
  finishedAt: number | null;
  /** When the panel stopped showing the call (the visitor closed it, or the kiosk started over). */
  dismissedAt: number | null;
}

/** The kiosk's local database: everything a visitor needs, on the tablet. */
export class KioskDatabase extends Dexie {
  guides!: EntityTable<Guide, 'id'>;
  images!: EntityTable<StoredImage, 'id'>;
  contentState!: EntityTable<ContentState, 'key'>;
  helpCalls!: EntityTable<OutboxHelpCall, 'id'>;
  kioskDevice!: EntityTable<StoredKioskDevice, 'key'>;
  stagedRelease!: EntityTable<StagedRelease, 'key'>;
  /** Pictures of a release being downloaded or staged, kept as each arrives so a sync can resume. */
  stagedImages!: Table<StoredImage, [string, string]>;

  /** `options` lets a Node test give each simulated kiosk its own IndexedDB. */
  constructor(name = 'lotsen-kiosk', options: DexieOptions = {}) {
    // Strict durability: a write is on disk before it counts as done, so a help
    // call the visitor was told is saved survives the battery dying a second later.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      guides: 'id, category',
      images: 'id',
      contentState: 'key',
    });
    // Version 2 only adds tables: content stored by version 1 stays as it is.
    this.version(2).stores({
      helpCalls: 'id, state, createdAt',
      kioskDevice: 'key',
    });
    // Version 3 only adds the staging tables: content and outbox of version 2 stay as they are.
    // Staged pictures are keyed by id and bytes, so two versions of one picture can wait side by side.
    // Version 3 adds staging, and an index that lists which picture versions the tablet
    // holds without reading their bytes.
    this.version(3).stores({
      images: 'id, [id+sha256]',
      stagedRelease: 'key',
      stagedImages: '[id+sha256]',
    });
    // Version 4 indexes the staged release's number, so the kiosk can see a release is waiting
    // without reading the guides it brings (after a full sync, every guide).
    this.version(4).stores({ stagedRelease: 'key, release' });
  }
}

export const kioskDb = new KioskDatabase();
