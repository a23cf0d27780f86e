// Webhook request signatures (HMAC-SHA256 of the body); issuers' own schemes live in net/signing.ts.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { hmacSha256Hex } from '../net/signing.js';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Keyhound-Signature-256';

/** Webhook signature header value: `sha256=` + hex HMAC-SHA256 of the exact body bytes. */
export function signWebhookBody(secret: string, body: string | Buffer): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}

/**
 * Receiver side: checks a webhook signature header against the raw body, in constant time.
 * `body` must be the bytes as received, before any JSON parsing.
 */
export function verifyWebhookSignature(secret: string, body: string | Buffer, header: string | undefined | null): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const got = Buffer.from(header.slice(7), 'hex');
  const want = createHmac('sha256', secret).update(body).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}
