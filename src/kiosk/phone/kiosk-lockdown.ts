import type { SyntheticEvent } from 'react';

/**
 * Keeps visitors inside the kiosk. Nothing in the kiosk is a link (links to
 * services are QR codes), and these close the browser's own ways out: the
 * context menu ("Open in new tab", "Search for ...", "Save image"), dragging
 * a picture or text out to another window, and the middle button's "open in
 * a new tab". Zoom and pinch stay: visitors who need them must keep them
 * (WCAG 1.4.4), and they lead nowhere.
 */
function stay(event: SyntheticEvent): void {
  event.preventDefault();
}

/** Spread on the kiosk's root element: events from dialogs inside it bubble there too. */
export const KIOSK_LOCKDOWN = {
  onContextMenu: stay,
  onDragStart: stay,
  onAuxClick: stay,
} as const;
