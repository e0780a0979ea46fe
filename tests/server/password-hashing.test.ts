import { describe, expect, it } from 'vitest';
import {
  SCRYPT_COST,
  UNKNOWN_USER_HASH,
  hashNeedsUpgrade,
  hashPassword,
  verifyPassword,
} from '../../src/server/accounts/password-hashing.ts';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses scrypt at OWASP cost and writes the parameters into the hash', async () => {
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const encoded = await hashPassword('correct horse battery staple');
    const [scheme, n, r, p, salt = '', key = ''] = encoded.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(encoded).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(hashNeedsUpgrade(encoded)).toBe(false);
  }, 20_000);

  it('refuses a wrong password, and salts every hash differently', async () => {
    const first = await hashPassword('a long enough password', CHEAP);
    const second = await hashPassword('a long enough password', CHEAP);
    expect(first).not.toBe(second);
    expect(await verifyPassword('a long enough password', second)).toBe(true);
    expect(await verifyPassword('a long enough passworD', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, and knows when to upgrade it', async () => {
    const old = await hashPassword('a long enough password', CHEAP);
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('a long enough password', old)).toBe(true);
    expect(hashNeedsUpgrade(old)).toBe(true);
  });

  it('refuses stored hashes it cannot read, or that ask for absurd cost', async () => {
    await expect(verifyPassword('x', 'plaintext')).rejects.toThrow(/scrypt\$N\$r\$p\$salt\$hash/);
    await expect(verifyPassword('x', 'scrypt$1000$8$1$c2FsdA$a2V5')).rejects.toThrow();
    await expect(verifyPassword('x', `scrypt$${2 ** 24}$8$1$c2FsdA$a2V5`)).rejects.toThrow();
  });

  it('has a stand-in hash for unknown emails that costs the full work and matches nothing', async () => {
    expect(UNKNOWN_USER_HASH.startsWith('scrypt$131072$8$1$')).toBe(true);
    const started = performance.now();
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
    // Without scrypt this is microseconds; scrypt at 2^17 takes far longer on any machine.
    expect(performance.now() - started).toBeGreaterThan(50);
  }, 20_000);
});
