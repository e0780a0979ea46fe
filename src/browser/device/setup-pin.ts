/**
 * The setup screen's PIN, checked on the tablet with the network down: the
 * branch's settings carry only a salt and SHA-256 (hex) of `${salt}:${pin}`
 * (KioskSetupPin in the contract). Without one, setup asks for no PIN.
 */
import type { KioskSetupPin } from '../../shared/api/devices.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function verifySetupPin(pin: string, setupPin: KioskSetupPin): Promise<boolean> {
  return (await sha256Hex(`${setupPin.salt}:${pin.trim()}`)) === setupPin.sha256.toLowerCase();
}
