/**
 * The link that pairs a tablet: opened on the tablet (typed, or scanned
 * from the QR code), the kiosk reads `?pair=` (src/browser/device/pairing-link.ts).
 */
export function pairingLinkFor(origin: string, code: string): string {
  return `${origin}/?pair=${encodeURIComponent(code)}`;
}
