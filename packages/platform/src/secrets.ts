import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (e.g. a school's ANTS password) are sealed with AES-256-GCM under a key from the
 * environment. Format: "v1:<iv b64>:<tag b64>:<ciphertext b64>", so the key can be rotated later.
 */
export type SecretBox = {
  seal(plain: string): string;
  open(sealed: string): string;
  /**
   * A keyed digest (HMAC-SHA-256, hex) of `text` for `purpose`: the same input gives the same answer,
   * which nobody without the key can compute (a plain hash of a guessable value can be).
   */
  mac(purpose: string, text: string): string;
};

export function parseKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('La clé de chiffrement doit faire 32 octets encodés en base64.');
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    mac(purpose, text) {
      return createHmac('sha256', key).update(`${purpose}\0${text}`).digest('hex');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Secret chiffré illisible.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

export function generateKey(): string {
  return randomBytes(32).toString('base64');
}
