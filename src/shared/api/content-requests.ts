/**
 * How a tablet asks for content: addresses and headers. Part of the contract
 * (contract.ts re-exports them), kept in a module without zod so the kiosk's
 * content sync can use them without loading zod.
 */

/** ?since=<release the tablet shows>; 304 when the tablet already has the newest. */
export const CONTENT_PATH = '/api/content';

/**
 * What a paired tablet tells the server with each content request, for the
 * admins' device list. The release it shows visitors is the `since` parameter.
 */
export const TABLET_REPORT_HEADERS = {
  appVersion: 'lotsen-app-version',
  /** Help calls still waiting on the tablet to be delivered. */
  pendingCalls: 'lotsen-pending-calls',
} as const;

/** The image's bytes; `?v=<sha256>` makes the URL immutable. */
export const imageUrl = (image: { id: string; sha256: string }) =>
  `/api/images/${encodeURIComponent(image.id)}?v=${image.sha256}`;
