/**
 * Password hashing with scrypt (node:crypto), at OWASP's recommended cost.
 * The parameters are part of every stored hash, so the cost can be raised
 * later: old hashes still verify, and are upgraded at the next login.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** CPU and memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB, about 0.2 s per hash). */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Limits for hashes read from the database, so a damaged row cannot ask for gigabytes. */
const MAX_COST: ScryptCost = { N: 2 ** 20, r: 32, p: 16 };

function deriveKey(password: string, salt: Buffer, keyBytes: number, cost: ScryptCost) {
  // scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) is below OWASP's cost.
  const maxmem = 2 * 128 * cost.N * cost.r;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, keyBytes, { ...cost, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST) {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')]
    .map(String)
    .join('$');
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(encoded: string): StoredHash {
  const [scheme, n, r, p, salt, key, ...rest] = encoded.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const isPositive = (value: number, max: number) =>
    Number.isInteger(value) && value > 0 && value <= max;
  const valid =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    isPositive(cost.N, MAX_COST.N) &&
    (cost.N & (cost.N - 1)) === 0 &&
    isPositive(cost.r, MAX_COST.r) &&
    isPositive(cost.p, MAX_COST.p) &&
    salt !== undefined &&
    key !== undefined &&
    key.length > 0;
  if (!valid) throw new Error('A stored password hash is not in the scrypt$N$r$p$salt$hash form.');
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Whether `password` matches `encoded`; compares in constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = parseStoredHash(encoded);
  const key = await deriveKey(password, stored.salt, stored.key.length, stored.cost);
  return timingSafeEqual(key, stored.key);
}

/** Whether a hash was made with a lower cost than today's, and should be made again. */
export function hashNeedsUpgrade(encoded: string): boolean {
  const { cost } = parseStoredHash(encoded);
  return cost.N < SCRYPT_COST.N || cost.r < SCRYPT_COST.r || cost.p < SCRYPT_COST.p;
}

/**
 * Checked against when the email is unknown, so a wrong email takes as long
 * as a wrong password and response times do not tell which accounts exist.
 * No password matches it: its key is zeros, not scrypt's output for anything.
 */
export const UNKNOWN_USER_HASH = [
  'scrypt',
  SCRYPT_COST.N,
  SCRYPT_COST.r,
  SCRYPT_COST.p,
  Buffer.alloc(SALT_BYTES, 7).toString('base64url'),
  Buffer.alloc(KEY_BYTES).toString('base64url'),
].join('$');
