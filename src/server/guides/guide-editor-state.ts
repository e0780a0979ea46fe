/**
 * Reads what the guide editor shows: drafts with their publish and
 * translation state, the list of guides, the history and the translation
 * matrix. Everything here was validated when it was written, so documents
 * are not parsed against the schema again on every read.
 */
import type {
  GuideEditorState,
  GuideList,
  GuideListItem,
  GuideVersionDocument,
  GuideVersionList,
  GuideVersionSummary,
  TranslationMatrix,
} from '../../shared/api/guide-editing.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { publishableGuide } from '../../shared/content/guide-publishing.ts';
import type { Guide } from '../../shared/content/guide.ts';
import {
  translationStatuses,
  type TranslationBasis,
} from '../../shared/content/translation-status.ts';
import { LANGUAGES, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import type { Database } from '../database/open-database.ts';
import { readReviewAfterDays } from '../settings/library-settings.ts';

export interface DraftRecord {
  id: string;
  draft: GuideDraft;
  revision: number;
  basis: TranslationBasis;
  savedAt: string;
  savedBy: string;
}

interface DraftRow {
  id: string;
  document: string;
  revision: number;
  basis: string;
  savedAt: string;
  savedBy: string;
}

const DRAFTS = `
  SELECT guide_id AS id, document, revision, translation_basis AS basis,
         saved_at AS savedAt, saved_by AS savedBy
    FROM guide_drafts`;

const toRecord = (row: DraftRow): DraftRecord => ({
  id: row.id,
  draft: JSON.parse(row.document) as GuideDraft,
  revision: row.revision,
  basis: JSON.parse(row.basis) as TranslationBasis,
  savedAt: row.savedAt,
  savedBy: row.savedBy,
});

export function readDraftRecord(db: Database, id: string): DraftRecord | undefined {
  const row = db.prepare<[string], DraftRow>(`${DRAFTS} WHERE guide_id = ?`).get(id);
  return row && toRecord(row);
}

function readDraftRecords(db: Database): DraftRecord[] {
  return db.prepare<[], DraftRow>(`${DRAFTS} ORDER BY guide_id`).all().map(toRecord);
}

function isPublished(db: Database, id: string): boolean {
  return (
    db.prepare<[string], { id: string }>('SELECT id FROM guides WHERE id = ?').get(id) !== undefined
  );
}

/** The document tablets get for `id`; undefined when the guide is not published. */
export function readPublishedDocument(db: Database, id: string): Guide | undefined {
  const row = db
    .prepare<[string], { document: string }>('SELECT document FROM guides WHERE id = ?')
    .get(id);
  return row && (JSON.parse(row.document) as Guide);
}

interface VersionRow {
  version: number;
  release: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
  document: string;
  /** The draft revision it was published from; null for versions written before it was kept. */
  draftRevision: number | null;
}

const VERSIONS = `
  SELECT version, release_id AS release, published_at AS publishedAt,
         published_by AS publishedBy, note, document, draft_revision AS draftRevision
    FROM guide_versions`;

function toSummary(row: VersionRow): GuideVersionSummary {
  const document = JSON.parse(row.document) as Guide;
  const present = new Set(Object.keys(document.text));
  return {
    version: row.version,
    release: row.release,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    note: row.note,
    languages: LANGUAGES.map((language) => language.code).filter((code) => present.has(code)),
  };
}

function latestVersion(db: Database, id: string): VersionRow | undefined {
  return db
    .prepare<[string], VersionRow>(`${VERSIONS} WHERE guide_id = ? ORDER BY version DESC LIMIT 1`)
    .get(id);
}

/** Key order does not matter when two documents are compared. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}

/** True when the guide's "last verified" date is older than the library's review age. */
export function isReviewOverdue(lastVerified: string, reviewAfterDays: number, now: Date): boolean {
  const verified = Date.parse(`${lastVerified}T00:00:00Z`);
  return verified < now.getTime() - reviewAfterDays * 24 * 60 * 60 * 1000;
}

interface PublishState {
  published: GuideVersionSummary | null;
  unpublishedChanges: boolean;
}

function publishStateOf(db: Database, record: DraftRecord): PublishState {
  if (!isPublished(db, record.id)) return { published: null, unpublishedChanges: true };
  const latest = latestVersion(db, record.id);
  if (!latest) return { published: null, unpublishedChanges: true };
  // Published from this very revision: nothing to compare (the common case, and the cheap one).
  if (latest.draftRevision === record.revision) {
    return { published: toSummary(latest), unpublishedChanges: false };
  }
  const document = readPublishedDocument(db, record.id);
  const publishable = publishableGuide(record.draft);
  return {
    published: toSummary(latest),
    unpublishedChanges:
      !document || !publishable.ok || canonicalJson(publishable.guide) !== canonicalJson(document),
  };
}

export function editorStateOf(db: Database, record: DraftRecord): GuideEditorState {
  const publishable = publishableGuide(record.draft);
  return {
    id: record.id,
    draft: record.draft,
    revision: record.revision,
    savedAt: record.savedAt,
    savedBy: record.savedBy,
    ...publishStateOf(db, record),
    translations: translationStatuses(record.draft, record.basis),
    publishProblems: publishable.ok ? null : publishable.problems,
    omittedLanguages: publishable.ok ? publishable.omittedLanguages : [],
  };
}

export function readGuideEditorState(db: Database, id: string): GuideEditorState | undefined {
  const record = readDraftRecord(db, id);
  return record && editorStateOf(db, record);
}

const swedishTitle = (draft: GuideDraft) => draft.text[SOURCE_LANGUAGE]?.title ?? '';

const byTitle = (a: DraftRecord, b: DraftRecord) =>
  swedishTitle(a.draft).localeCompare(swedishTitle(b.draft), 'sv') || (a.id < b.id ? -1 : 1);

/** Every guide, published or not, by Swedish title. */
export function listGuides(db: Database, now: Date = new Date()): GuideList {
  const reviewAfterDays = readReviewAfterDays(db);
  // One read transaction: the drafts and what is published belong to the same moment.
  return db.transaction(() => ({
    reviewAfterDays,
    guides: readDraftRecords(db)
      .sort(byTitle)
      .map((record): GuideListItem => ({
        id: record.id,
        title: swedishTitle(record.draft),
        category: record.draft.category,
        icon: record.draft.icon,
        lastVerified: record.draft.lastVerified,
        verificationStatus: record.draft.verification.status,
        reviewOverdue: isReviewOverdue(record.draft.lastVerified, reviewAfterDays, now),
        revision: record.revision,
        savedAt: record.savedAt,
        savedBy: record.savedBy,
        ...publishStateOf(db, record),
      })),
  }))();
}

/** Newest first; undefined when there is no such guide. */
export function listVersions(db: Database, id: string): GuideVersionList | undefined {
  if (!readDraftRecord(db, id)) return undefined;
  const rows = db
    .prepare<[string], VersionRow>(`${VERSIONS} WHERE guide_id = ? ORDER BY version DESC`)
    .all(id);
  return { versions: rows.map(toSummary) };
}

export function readVersion(
  db: Database,
  id: string,
  version: number,
): GuideVersionDocument | undefined {
  const row = db
    .prepare<[string, number], VersionRow>(`${VERSIONS} WHERE guide_id = ? AND version = ?`)
    .get(id, version);
  return row && { version: toSummary(row), document: JSON.parse(row.document) as Guide };
}

/** Every guide's translation state per language, for the translators' overview. */
export function readTranslationMatrix(db: Database, now: Date = new Date()): TranslationMatrix {
  const reviewAfterDays = readReviewAfterDays(db);
  const languages = LANGUAGES.map((language) => language.code).filter(
    (code): code is LanguageCode => code !== SOURCE_LANGUAGE,
  );
  return db.transaction(() => ({
    languages,
    reviewAfterDays,
    rows: readDraftRecords(db)
      .sort(byTitle)
      .map((record) => ({
        id: record.id,
        title: swedishTitle(record.draft),
        lastVerified: record.draft.lastVerified,
        reviewOverdue: isReviewOverdue(record.draft.lastVerified, reviewAfterDays, now),
        published: isPublished(db, record.id),
        translations: translationStatuses(record.draft, record.basis),
      })),
  }))();
}
