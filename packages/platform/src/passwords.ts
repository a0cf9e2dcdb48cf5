import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a random password: verifying against it costs the same as a real one (no timing oracle). */
const DUMMY_HASH = hash('mot-de-passe-factice-pour-egaliser-les-temps', OPTIONS);

export async function verifyPassword(hashed: string | null | undefined, password: string): Promise<boolean> {
  try {
    if (!hashed) {
      await verify(await DUMMY_HASH, password);
      return false;
    }
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
