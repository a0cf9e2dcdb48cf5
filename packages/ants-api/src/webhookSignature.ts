import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export { WebhookVerificationError } from 'standardwebhooks';

/**
 * Pushes are signed with the Standard Webhooks scheme (standardwebhooks.com): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of
 * "id.timestamp.body"), so a vendor verifies them with any off-the-shelf library. Secrets are
 * `whsec_` + base64 of 32 random bytes; one registered before that format is used as raw bytes.
 */
export function webhookSigner(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
