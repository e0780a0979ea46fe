/** Entity tags, so kiosks re-download content and images only when they changed. */
import { createHash } from 'node:crypto';

/** A strong ETag for a response body: the same bytes always get the same tag. */
export function bodyEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Whether If-None-Match names `etag`. RFC 9110 compares weakly here, so a
 * proxy that weakened the tag (W/"...") still gets its 304.
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
