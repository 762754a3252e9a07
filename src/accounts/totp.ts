import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const ISSUER = "Hukoomi";
const PERIOD = 30;

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new secret for an authenticator app (base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step (30-second period) a code belongs to when it is right for now (one step of clock drift either way), else null. */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret, "x").validate({ token: code.replace(/\s/g, ""), window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code an authenticator app shows at `at` (for tests and the development tools). */
export function currentTotp(secret: string, at = Date.now()): string {
  return totpFor(secret, "x").generate({ timestamp: at });
}

/** The otpauth:// address and its QR code as an SVG data URL, for setting up the app. */
export async function totpSetup(secret: string, label: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = totpFor(secret, label).toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
