import type { Migration } from '../migrate.ts';

/**
 * A branch's kiosk setup PIN: staff type it after the hidden gesture to
 * reach a tablet's setup screen. Tablets check it offline, so they get the
 * salt and the SHA-256, never the PIN. NULL: no PIN set, setup opens
 * after the gesture alone.
 */
export const kioskSetupPin: Migration = {
  version: 3,
  name: 'kiosk-setup-pin',
  up: `
    ALTER TABLE branches ADD COLUMN setup_pin_salt TEXT;
    ALTER TABLE branches ADD COLUMN setup_pin_sha256 TEXT;
  `,
};
