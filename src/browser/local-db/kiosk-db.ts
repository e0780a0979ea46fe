import Dexie, { type EntityTable } from 'dexie';
import type { Guide } from '../../shared/content/guide.ts';
import type { LibrarySettings } from '../../shared/api/contract.ts';

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
}

/** The kiosk's local database: everything a visitor needs, on the tablet. */
export class KioskDatabase extends Dexie {
  guides!: EntityTable<Guide, 'id'>;
  images!: EntityTable<StoredImage, 'id'>;
  contentState!: EntityTable<ContentState, 'key'>;

  constructor(name = 'lotsen-kiosk') {
    super(name);
    this.version(1).stores({
      guides: 'id, category',
      images: 'id',
      contentState: 'key',
    });
  }
}

export const kioskDb = new KioskDatabase();
