import type { ContentImage } from '../../shared/api/contract.ts';
import type { Database } from '../database/open-database.ts';

export interface StoredGuideImage {
  mimeType: ContentImage['mimeType'];
  sha256: string;
  bytes: Buffer;
}

export function findGuideImage(db: Database, id: string): StoredGuideImage | undefined {
  return db
    .prepare<[string], StoredGuideImage>(
      'SELECT mime_type AS mimeType, sha256, bytes FROM guide_images WHERE id = ?',
    )
    .get(id);
}
