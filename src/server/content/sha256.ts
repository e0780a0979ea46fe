import { createHash } from 'node:crypto';

/** Hex SHA-256, the form ContentImage.sha256 and image ETags use. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
