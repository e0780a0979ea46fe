import type { Migration } from '../migrate.ts';

/** ISO 8601 in UTC with milliseconds, the same format JavaScript's toISOString() writes. */
const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Staff accounts and sessions, paired tablets, and help calls with the
 * event log the staff screens' live stream is read from. Secrets (session
 * and device tokens, pairing codes) are stored only as SHA-256 hashes, so a
 * copied database file lets nobody in.
 */
export const helpCalls: Migration = {
  version: 2,
  name: 'help-calls',
  up: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      -- scrypt$N$r$p$salt$hash, see accounts/password-hashing.ts
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'staff')),
      created_at TEXT NOT NULL DEFAULT ${NOW}
    ) STRICT;

    -- id is the SHA-256 (hex) of the cookie's token; the token itself is never stored.
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_user ON sessions (user_id);

    CREATE TABLE kiosk_devices (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      branch_id INTEGER NOT NULL REFERENCES branches (id),
      location TEXT NOT NULL DEFAULT '',
      token_hash TEXT UNIQUE,
      pairing_code_hash TEXT,
      pairing_expires_at TEXT,
      created_at TEXT NOT NULL DEFAULT ${NOW},
      enrolled_at TEXT,
      revoked_at TEXT,
      last_seen_at TEXT
    ) STRICT;
    CREATE INDEX kiosk_devices_by_pairing_code ON kiosk_devices (pairing_code_hash);

    -- id is the tablet's UUID for the call: sending it again is recognised, not stored twice.
    -- location and device_name are copied: staff see where the call came from even if the tablet moves later.
    CREATE TABLE help_calls (
      id TEXT PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES kiosk_devices (id),
      branch_id INTEGER NOT NULL REFERENCES branches (id),
      location TEXT NOT NULL,
      device_name TEXT NOT NULL,
      guide_id TEXT,
      step_number INTEGER,
      language TEXT NOT NULL,
      needs TEXT NOT NULL CHECK (json_valid(needs) AND json_type(needs) = 'array'),
      status TEXT NOT NULL CHECK (status IN ('waiting', 'acknowledged', 'done', 'cancelled')),
      pressed_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      waiting_since TEXT NOT NULL,
      acknowledged_at TEXT,
      acknowledged_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
      done_at TEXT,
      cancelled_at TEXT,
      -- SHA-256 of the canonical request: the same call sent again has the same hash.
      request_hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX help_calls_by_branch_received ON help_calls (branch_id, received_at);
    CREATE INDEX help_calls_by_device ON help_calls (device_id);

    -- AUTOINCREMENT: an id is never reused, so it can be the stream's Last-Event-ID.
    CREATE TABLE help_call_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      branch_id INTEGER NOT NULL REFERENCES branches (id),
      call_id TEXT NOT NULL REFERENCES help_calls (id),
      type TEXT NOT NULL CHECK (type IN ('created', 'acknowledged', 'done', 'cancelled')),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX help_call_events_by_branch ON help_call_events (branch_id, id);
  `,
};
