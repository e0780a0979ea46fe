/**
 * Secrets handed to browsers and tablets (session cookies, device tokens).
 * Only their SHA-256 is stored: someone with a copy of the database cannot
 * log in or pose as a tablet with it.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits, so guessing one is hopeless. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps in place of a token or pairing code (hex SHA-256). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
