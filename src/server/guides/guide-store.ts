/**
 * Writes to guides as librarians work on them: drafts with optimistic
 * concurrency, publishing to tablets, history and translation confirms.
 * Every write runs in an IMMEDIATE transaction (the write lock is taken
 * before the revision is checked) and every document is validated against
 * the shared schema before it is stored.
 */
import type {
  GuideEditorState,
  GuideVersionSummary,
  PublishResult,
} from '../../shared/api/guide-editing.ts';
import { GuideDraft } from '../../shared/content/guide-draft.ts';
import { publishableGuide } from '../../shared/content/guide-publishing.ts';
import { describeProblems, Guide } from '../../shared/content/guide.ts';
import {
  confirmTranslation,
  nextTranslationBasis,
  type TranslationBasis,
} from '../../shared/content/translation-status.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError } from '../http/problems.ts';
import {
  editorStateOf,
  readDraftRecord,
  readGuideEditorState,
  readPublishedDocument,
  readVersion,
  type DraftRecord,
} from './guide-editor-state.ts';
import { draftConflict, missingMedia, notPublishable } from './guide-problems.ts';

export {
  listGuides,
  listVersions,
  readGuideEditorState,
  readTranslationMatrix,
  readVersion,
} from './guide-editor-state.ts';

function validDraft(draft: GuideDraft): GuideDraft {
  const parsed = GuideDraft.safeParse(draft);
  if (!parsed.success) {
    throw new ApiError(
      400,
      `The guide was not saved. ${describeProblems(parsed.error).replaceAll('\n', '; ')}`,
    );
  }
  return parsed.data;
}

function existing(db: Database, id: string): DraftRecord {
  const record = readDraftRecord(db, id);
  if (!record) throw new ApiError(404, `There is no guide with the id "${id}".`);
  return record;
}

/** The draft, unless someone saved after `baseRevision`. */
function atRevision(
  db: Database,
  id: string,
  baseRevision: number | undefined,
  action: string,
): DraftRecord {
  const record = existing(db, id);
  if (baseRevision !== undefined && baseRevision !== record.revision) {
    throw draftConflict(editorStateOf(db, record), action);
  }
  return record;
}

const now = () => new Date().toISOString();

function state(db: Database, id: string): GuideEditorState {
  const current = readGuideEditorState(db, id);
  if (!current) throw new Error(`Guide ${id} vanished inside its own transaction.`);
  return current;
}

function insertDraft(db: Database, draft: GuideDraft, basis: TranslationBasis, by: string): void {
  const at = now();
  db.prepare(
    `INSERT INTO guide_drafts (guide_id, document, revision, translation_basis, saved_at, saved_by, created_at)
     VALUES (?, ?, 1, ?, ?, ?, ?)`,
  ).run(draft.id, JSON.stringify(draft), JSON.stringify(basis), at, by, at);
}

/** Stores `draft` as the next revision of `record`, the translation basis carried along. */
function updateDraft(db: Database, record: DraftRecord, draft: GuideDraft, by: string): void {
  const basis = nextTranslationBasis(record.draft, draft, record.basis);
  db.prepare(
    `UPDATE guide_drafts
        SET document = ?, revision = revision + 1, translation_basis = ?, saved_at = ?, saved_by = ?
      WHERE guide_id = ?`,
  ).run(JSON.stringify(draft), JSON.stringify(basis), now(), by, record.id);
}

/** A new guide, revision 1. 409 when the id is taken. */
export function createGuide(db: Database, draft: GuideDraft, by: string): GuideEditorState {
  const valid = validDraft(draft);
  return db
    .transaction(() => {
      if (readDraftRecord(db, valid.id) || readPublishedDocument(db, valid.id)) {
        throw new ApiError(
          409,
          `A guide with the id "${valid.id}" exists already. Choose another id.`,
        );
      }
      insertDraft(db, valid, nextTranslationBasis(null, valid, {}), by);
      return state(db, valid.id);
    })
    .immediate();
}

/** Saves the draft if nobody saved since `baseRevision` (409 GuideConflict otherwise). */
export function saveDraft(
  db: Database,
  id: string,
  baseRevision: number,
  draft: GuideDraft,
  by: string,
): GuideEditorState {
  if (draft.id !== id) {
    throw new ApiError(
      400,
      `The draft has the id "${draft.id}" but was sent to the guide "${id}". A guide's id cannot change.`,
    );
  }
  const valid = validDraft(draft);
  return db
    .transaction(() => {
      const record = atRevision(db, id, baseRevision, 'save');
      updateDraft(db, record, valid, by);
      return state(db, id);
    })
    .immediate();
}

/** Saves the draft whatever its revision, creating the guide when it is new (pack import). */
export function replaceDraft(db: Database, draft: GuideDraft, by: string): GuideEditorState {
  const valid = validDraft(draft);
  return db
    .transaction(() => {
      const record = readDraftRecord(db, valid.id);
      if (record) updateDraft(db, record, valid, by);
      else insertDraft(db, valid, nextTranslationBasis(null, valid, {}), by);
      return state(db, valid.id);
    })
    .immediate();
}

function newRelease(db: Database, note: string, by: string): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO content_releases (note, published_by, created_at) VALUES (?, ?, ?)')
    .run(note, by, now());
  return Number(lastInsertRowid);
}

export interface PublishRequest {
  /** Left out by pack import, which publishes what it just saved. */
  baseRevision?: number;
  note: string;
  by: string;
}

/**
 * Sends the draft's complete languages to tablets: a new content release,
 * the `guides` row tablets read, and a numbered version for the history.
 */
export function publishGuide(db: Database, id: string, request: PublishRequest): PublishResult {
  return db
    .transaction(() => {
      const record = atRevision(db, id, request.baseRevision, 'publish');
      const publishable = publishableGuide(record.draft);
      if (!publishable.ok) throw notPublishable(publishable.problems);
      const guide = Guide.parse(publishable.guide);
      const media = missingMedia(db, guide);
      if (media.length > 0) throw notPublishable(media);

      const note = request.note.trim();
      const at = now();
      const release = newRelease(
        db,
        note === '' ? `Published ${id}` : `${id}: ${note}`,
        request.by,
      );
      const document = JSON.stringify(guide);
      db.prepare(
        `INSERT INTO guides (id, document, release_id, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE
             SET document = excluded.document, release_id = excluded.release_id,
                 updated_at = excluded.updated_at`,
      ).run(id, document, release, at);
      const { next } = db
        .prepare<[string], { next: number }>(
          'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM guide_versions WHERE guide_id = ?',
        )
        .get(id) ?? { next: 1 };
      db.prepare(
        `INSERT INTO guide_versions
           (guide_id, version, document, release_id, published_at, published_by, note, draft_revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, next, document, release, at, request.by, note, record.revision);

      const version = readVersion(db, id, next)?.version;
      if (!version) throw new Error(`Version ${next} of ${id} vanished inside its transaction.`);
      return {
        version: version satisfies GuideVersionSummary,
        omittedLanguages: publishable.omittedLanguages,
        state: state(db, id),
      };
    })
    .immediate();
}

/** Takes the guide off the tablets (a new release without it); the draft and history stay. */
export function unpublishGuide(db: Database, id: string, by: string): GuideEditorState {
  return db
    .transaction(() => {
      existing(db, id);
      if (!readPublishedDocument(db, id)) {
        throw new ApiError(409, `The guide "${id}" is not published, so it cannot be unpublished.`);
      }
      newRelease(db, `Unpublished ${id}`, by);
      db.prepare('DELETE FROM guides WHERE id = ?').run(id);
      return state(db, id);
    })
    .immediate();
}

/** Deletes an unpublished guide with its history. */
export function deleteGuide(db: Database, id: string): void {
  db.transaction(() => {
    existing(db, id);
    if (readPublishedDocument(db, id)) {
      throw new ApiError(
        409,
        `The guide "${id}" is on the tablets. Unpublish it first, then delete it.`,
      );
    }
    db.prepare('DELETE FROM guide_versions WHERE guide_id = ?').run(id);
    db.prepare('DELETE FROM guide_drafts WHERE guide_id = ?').run(id);
  }).immediate();
}

/** Makes an old version the draft; publishing it is a separate step. */
export function revertGuide(
  db: Database,
  id: string,
  baseRevision: number,
  version: number,
  by: string,
): GuideEditorState {
  return db
    .transaction(() => {
      const record = atRevision(db, id, baseRevision, 'revert');
      const old = readVersion(db, id, version);
      if (!old) throw new ApiError(404, `The guide "${id}" has no version ${version}.`);
      updateDraft(db, record, validDraft(old.document), by);
      return state(db, id);
    })
    .immediate();
}

function withoutMachineDraftedMark(draft: GuideDraft, language: LanguageCode): GuideDraft {
  const text = draft.text[language];
  if (!text?.machineDrafted) return draft;
  const { machineDrafted: _checked, ...checked } = text;
  return { ...draft, text: { ...draft.text, [language]: checked } };
}

/** A translator checked `language` against today's Swedish: its outdated parts are current. */
export function confirmGuideTranslation(
  db: Database,
  id: string,
  baseRevision: number,
  language: LanguageCode,
): GuideEditorState {
  return db
    .transaction(() => {
      const record = atRevision(db, id, baseRevision, 'confirmation');
      const basis = confirmTranslation(record.draft, record.basis, language);
      // The words did not change, so the revision stays: nobody else's save is overtaken.
      // A person checked them, so a machine-drafted mark goes (published at the next publish).
      const draft = validDraft(withoutMachineDraftedMark(record.draft, language));
      db.prepare(
        'UPDATE guide_drafts SET translation_basis = ?, document = ? WHERE guide_id = ?',
      ).run(JSON.stringify(basis), JSON.stringify(draft), id);
      return state(db, id);
    })
    .immediate();
}
