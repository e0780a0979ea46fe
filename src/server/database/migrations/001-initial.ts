import type { Migration } from '../migrate.ts';

/** ISO 8601 in UTC with milliseconds, the same format JavaScript's toISOString() writes. */
const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Branches, published content and the images guides show. STRICT tables reject wrong types. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE branches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      info_desk TEXT NOT NULL,
      transport_app TEXT NOT NULL,
      fallback_language TEXT NOT NULL DEFAULT 'sv',
      created_at TEXT NOT NULL DEFAULT ${NOW}
    ) STRICT;

    -- AUTOINCREMENT: a release number is never reused, so kiosks can trust it only goes up.
    CREATE TABLE content_releases (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at TEXT NOT NULL DEFAULT ${NOW},
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- document is a Guide (src/shared/content/guide.ts) as JSON, validated before it is written.
    CREATE TABLE guides (
      id TEXT PRIMARY KEY,
      document TEXT NOT NULL CHECK (json_valid(document)),
      release_id INTEGER NOT NULL REFERENCES content_releases (id),
      updated_at TEXT NOT NULL DEFAULT ${NOW}
    ) STRICT;
    CREATE INDEX guides_by_release ON guides (release_id);

    CREATE TABLE guide_images (
      id TEXT PRIMARY KEY,
      mime_type TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      bytes BLOB NOT NULL,
      updated_at TEXT NOT NULL DEFAULT ${NOW}
    ) STRICT;
  `,
};
