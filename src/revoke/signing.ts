// Request signatures, all HMAC-SHA256 from node:crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Keyhound-Signature-256';

export function hmacSha256Hex(key: string | Buffer, message: string | Buffer): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

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

/** Bybit v5: HMAC-SHA256(secret, timestamp + apiKey + recvWindow + payload), lower-case hex. */
export function bybitSign(secret: string, timestamp: string, apiKey: string, recvWindow: string, payload: string): string {
  return hmacSha256Hex(secret, timestamp + apiKey + recvWindow + payload);
}

/** Binance SIGNED endpoints: HMAC-SHA256(secret, query string as sent), hex. */
export function binanceSign(secret: string, queryString: string): string {
  return hmacSha256Hex(secret, queryString);
}
