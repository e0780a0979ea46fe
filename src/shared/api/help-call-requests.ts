/**
 * Help calls without zod: the words, addresses and stream event names both
 * sides use. Part of the contract (help-calls.ts re-exports all of it and
 * adds the schemas), kept apart so the kiosk's outbox can send calls without
 * loading zod.
 */

/** What the visitor told the tablet about themselves. Never free text: only these. */
export const HELP_NEEDS = ['speaks-my-language', 'trouble-seeing', 'trouble-hearing'] as const;

export const HELP_CALL_STATUSES = ['waiting', 'acknowledged', 'done', 'cancelled'] as const;
/** Calls staff still have to act on. */
export const OPEN_HELP_CALL_STATUSES = ['waiting', 'acknowledged'] as const;

export const HELP_CALL_EVENT_TYPES = ['created', 'acknowledged', 'done', 'cancelled'] as const;

/** The `event:` name of help call events in the staff stream. */
export const HELP_CALL_STREAM_EVENT = 'help-call';
/**
 * Sent instead of a very long replay: the client should reload the branch's
 * calls and continue from `lastEventId`.
 */
export const HELP_CALL_RESYNC_EVENT = 'resync';
/**
 * Sent while nothing else happens, with `data: {}` and no `id:` (so
 * Last-Event-ID stays as it was). A named event, not an SSE comment:
 * EventSource never shows comments to the page, and the staff screen must
 * notice when these stop coming (a phone asleep, a Wi-Fi switch).
 */
export const HELP_CALL_HEARTBEAT_EVENT = 'heartbeat';
/** How often the server sends a heartbeat (its eventStreamHeartbeatMs; tests shorten it). */
export const HELP_CALL_HEARTBEAT_INTERVAL_MS = 15_000;

/** Where each help call request goes; HELP_CALLS_API in help-calls.ts adds what is sent and answered. */
export const HELP_CALL_ROUTES = {
  /** Tablet (Bearer). 201 the first time, 200 for the same call again, 422 for a different one. */
  send: { method: 'PUT', path: '/api/help-calls/:id' },
  /** Tablet (Bearer): only its own calls. */
  read: { method: 'GET', path: '/api/help-calls/:id' },
  cancel: { method: 'POST', path: '/api/help-calls/:id/cancel' },
  /** Staff: "I'm coming". */
  acknowledge: { method: 'POST', path: '/api/help-calls/:id/acknowledge' },
  done: { method: 'POST', path: '/api/help-calls/:id/done' },
  branches: { method: 'GET', path: '/api/staff/branches' },
  branchCalls: { method: 'GET', path: '/api/staff/branches/:branchId/calls' },
  /** Server-Sent Events; resumes from Last-Event-ID, or ?after=<event id> on the first connect. */
  branchEvents: { method: 'GET', path: '/api/staff/branches/:branchId/events' },
} as const;

export const helpCallUrl = (id: string) => `/api/help-calls/${encodeURIComponent(id)}`;

export const branchEventsUrl = (branchId: number, after: number) =>
  `/api/staff/branches/${branchId}/events?after=${after}`;
