import QRCode from "qrcode";

/** A QR code of an address as SVG markup (made on the server: no script, no image request). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
}
