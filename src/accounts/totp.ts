import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const ISSUER = "Hukoomi";

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A new secret for an authenticator app (base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** True when the code is right for now (one step of clock drift either way). */
export function checkTotp(secret: string, code: string): boolean {
  return totpFor(secret, "x").validate({ token: code.replace(/\s/g, ""), window: 1 }) !== null;
}

/** The current code (for tests and the development tools). */
export function currentTotp(secret: string): string {
  return totpFor(secret, "x").generate();
}

/** The otpauth:// address and its QR code as an SVG data URL, for setting up the app. */
export async function totpSetup(secret: string, label: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = totpFor(secret, label).toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
