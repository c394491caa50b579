import argon2 from 'argon2';

/** Hashes a password with argon2id (OWASP-recommended parameters: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2 });
}

/** Checks a password against a stored argon2 hash; false for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when an account does not exist (equal timing). */
export const DUMMY_HASH_PASSWORD = 'not-a-real-password-for-timing-only';
