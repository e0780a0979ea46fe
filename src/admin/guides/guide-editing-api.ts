/**
 * The guide editor's, translation matrix's and packs' calls to the server,
 * parsed with the shared contract, through the admin area's helper (a 401
 * sends the person to the login). Answers that say more than a sentence (a
 * 409 draft conflict, a 422 list of problems) are read from the error with
 * `conflictOf` and `problemsOf`.
 */
import { z } from 'zod';
import { adminJson, adminRequest, problemBody } from '../admin-api.ts';
import {
  GUIDE_EDITING_API,
  GuideConflict,
  GuideEditorState,
  GuideList,
  GuideVersionDocument,
  GuideVersionList,
  guidePath,
  PublishResult,
  TranslationMatrix,
  UploadedAudio,
  UploadedImage,
} from '../../shared/api/guide-editing.ts';
import { GUIDE_PACKS_API, PackImport } from '../../shared/api/guide-packs.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import type { LanguageCode } from '../../shared/languages.ts';

/** Someone else saved the draft after the revision this change was based on. */
export const conflictOf = (error: unknown) => problemBody(error, GuideConflict);

const ProblemList = z.object({ problems: z.array(z.string()).min(1) });

/** Every problem of a 422 (a publish of incomplete Swedish, a pack that cannot be imported). */
export const problemsOf = (error: unknown) => problemBody(error, ProblemList)?.problems;

export async function fetchGuideList(signal?: AbortSignal): Promise<GuideList> {
  return adminJson(GUIDE_EDITING_API.list.path, GuideList, { signal });
}

export async function createGuide(draft: GuideDraft): Promise<GuideEditorState> {
  return adminJson(GUIDE_EDITING_API.create.path, GuideEditorState, {
    method: 'POST',
    body: { draft },
  });
}

export async function fetchGuide(id: string, signal?: AbortSignal): Promise<GuideEditorState> {
  return adminJson(guidePath(id), GuideEditorState, { signal });
}

export async function saveDraft(
  id: string,
  baseRevision: number,
  draft: GuideDraft,
): Promise<GuideEditorState> {
  return adminJson(`${guidePath(id)}/draft`, GuideEditorState, {
    method: 'PUT',
    body: { baseRevision, draft },
  });
}

export async function publishGuide(
  id: string,
  baseRevision: number,
  note: string,
): Promise<PublishResult> {
  return adminJson(`${guidePath(id)}/publish`, PublishResult, {
    method: 'POST',
    body: { baseRevision, note },
  });
}

export async function unpublishGuide(id: string): Promise<GuideEditorState> {
  return adminJson(`${guidePath(id)}/unpublish`, GuideEditorState, { method: 'POST' });
}

export async function deleteGuide(id: string): Promise<void> {
  await adminRequest(guidePath(id), { method: 'DELETE' });
}

export async function fetchVersions(id: string, signal?: AbortSignal): Promise<GuideVersionList> {
  return adminJson(`${guidePath(id)}/versions`, GuideVersionList, { signal });
}

export async function fetchVersion(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<GuideVersionDocument> {
  return adminJson(`${guidePath(id)}/versions/${version}`, GuideVersionDocument, { signal });
}

export async function revertGuide(
  id: string,
  baseRevision: number,
  version: number,
): Promise<GuideEditorState> {
  return adminJson(`${guidePath(id)}/revert`, GuideEditorState, {
    method: 'POST',
    body: { baseRevision, version },
  });
}

export async function confirmTranslation(
  id: string,
  language: LanguageCode,
  baseRevision: number,
): Promise<GuideEditorState> {
  return adminJson(`${guidePath(id)}/translations/${language}/confirm`, GuideEditorState, {
    method: 'POST',
    body: { baseRevision },
  });
}

export async function fetchTranslationMatrix(signal?: AbortSignal): Promise<TranslationMatrix> {
  return adminJson(GUIDE_EDITING_API.translations.path, TranslationMatrix, { signal });
}

/** Sends the picture's bytes with its own type; the server resizes and compresses it. */
export async function uploadImage(file: Blob): Promise<UploadedImage> {
  return adminJson(GUIDE_EDITING_API.uploadImage.path, UploadedImage, {
    method: 'POST',
    body: file,
  });
}

/** Sends a read-aloud recording's bytes with its own type; the server stores it as it is. */
export async function uploadAudio(file: Blob): Promise<UploadedAudio> {
  return adminJson(GUIDE_EDITING_API.uploadAudio.path, UploadedAudio, {
    method: 'POST',
    body: file,
  });
}

/** A picture as the server serves it (the editor keeps no copy of its own). */
export const serverImageUrl = (imageId: string) => `/api/images/${encodeURIComponent(imageId)}`;

export const packExportUrl = (guideIds: readonly string[]) =>
  `${GUIDE_PACKS_API.export.path}?guides=${guideIds.map(encodeURIComponent).join(',')}`;

/** The pack file as JSON (a File's own type is often empty for ".lotsen.json"). */
const asJson = (pack: Blob) => new Blob([pack], { type: 'application/json' });

/** What importing the pack would do; changes nothing. */
export async function previewPack(pack: Blob): Promise<PackImport> {
  return adminJson(GUIDE_PACKS_API.preview.path, PackImport, {
    method: 'POST',
    body: asJson(pack),
  });
}

export async function importPack(pack: Blob, publish: boolean): Promise<PackImport> {
  const path = publish
    ? `${GUIDE_PACKS_API.import.path}?publish=true`
    : GUIDE_PACKS_API.import.path;
  return adminJson(path, PackImport, { method: 'POST', body: asJson(pack) });
}
