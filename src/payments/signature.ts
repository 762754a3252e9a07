import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How the payment gateway signs its notifications (the protocol the portal
 * and the sandbox gateway both speak), so the merchant knows they came
 * from the gateway and were not changed or replayed: an HMAC-SHA256, keyed
 * with the shared notification secret, of "<timestamp>.<raw body>", sent as
 *
 *   X-Gateway-Timestamp: <unix seconds>
 *   X-Gateway-Signature: sha256=<lower-case hex>
 */
export const TIMESTAMP_HEADER = "x-gateway-timestamp";
export const SIGNATURE_HEADER = "x-gateway-signature";

/** The hex HMAC-SHA256 of "<timestamp>.<body>". */
export function sign(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The headers a notification carries besides its content type. */
export function signatureHeaders(secret: string, timestamp: number, body: string): Record<string, string> {
  return {
    "X-Gateway-Timestamp": String(timestamp),
    "X-Gateway-Signature": `sha256=${sign(secret, timestamp, body)}`,
  };
}

/**
 * Checks a received notification: the signature must match the raw body
 * and the timestamp be within `toleranceSeconds` of `now` (replays of old
 * notifications are refused).
 */
export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  { now = new Date(), toleranceSeconds = 300 }: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith("sha256=")) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, timestamp, body), "hex");
  const given = Buffer.from(signature.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
