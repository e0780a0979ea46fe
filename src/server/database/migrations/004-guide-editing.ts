import type { Migration } from '../migrate.ts';

/** ISO 8601 in UTC with milliseconds, the same format JavaScript's toISOString() writes. */
const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Guides as librarians work on them, and what tablets report.
 *
 * - guides (from 001) stays what tablets get: the published document of each
 *   published guide, with release_id the release in which it last changed.
 *   Unpublishing deletes the row and makes a new release.
 * - guide_drafts: the working copy of every guide, published or not, a
 *   GuideDraft (src/shared/content/guide-draft.ts) as JSON. revision goes up
 *   by one on every save (optimistic concurrency). translation_basis
 *   remembers, per language and part, a fingerprint of the Swedish the
 *   translation was made from (src/shared/content/translation-status.ts).
 * - guide_versions: every publish, numbered per guide, kept for history,
 *   compare and revert.
 * - settings: library-wide settings as key/value (e.g. review_after_days).
 * - kiosk_devices gets what the tablet said in its last content request.
 *
 * "by" columns hold the email of who did it ("seed", "import" for no person),
 * so the history survives an account being removed.
 */
export const guideEditing: Migration = {
  version: 4,
  name: 'guide-editing',
  up: `
    CREATE TABLE guide_drafts (
      guide_id TEXT PRIMARY KEY,
      document TEXT NOT NULL CHECK (json_valid(document)),
      revision INTEGER NOT NULL CHECK (revision > 0),
      translation_basis TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(translation_basis)),
      saved_at TEXT NOT NULL DEFAULT ${NOW},
      saved_by TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT ${NOW}
    ) STRICT;

    CREATE TABLE guide_versions (
      guide_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version > 0),
      document TEXT NOT NULL CHECK (json_valid(document)),
      release_id INTEGER NOT NULL REFERENCES content_releases (id),
      published_at TEXT NOT NULL DEFAULT ${NOW},
      published_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      -- The draft revision this version was published from: while the draft is still at it,
      -- the guide has no unpublished changes (no need to compare documents).
      draft_revision INTEGER,
      PRIMARY KEY (guide_id, version)
    ) STRICT;

    -- Guides that exist already become drafts and their first version, as they are.
    INSERT INTO guide_drafts (guide_id, document, revision, saved_at, saved_by)
      SELECT id, document, 1, updated_at, 'seed' FROM guides;
    INSERT INTO guide_versions
        (guide_id, version, document, release_id, published_at, published_by, draft_revision)
      SELECT id, 1, document, release_id, updated_at, 'seed', 1 FROM guides;

    ALTER TABLE content_releases ADD COLUMN published_by TEXT NOT NULL DEFAULT 'seed';

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    ALTER TABLE kiosk_devices ADD COLUMN content_release INTEGER;
    ALTER TABLE kiosk_devices ADD COLUMN app_version TEXT;
    ALTER TABLE kiosk_devices ADD COLUMN pending_calls INTEGER;
    ALTER TABLE kiosk_devices ADD COLUMN reported_at TEXT;
  `,
};
