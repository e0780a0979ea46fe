/**
 * Errors of the guide editor that carry more than a sentence: a conflict
 * brings the current state, a refused publish the list of problems. They
 * are ApiErrors, so where no route adds the details the client still gets
 * the status, the sentence and the code.
 */
import type { FastifyReply } from 'fastify';
import type {
  GuideConflict,
  GuideEditorState,
  PublishProblem,
} from '../../shared/api/guide-editing.ts';
import type { Guide } from '../../shared/content/guide.ts';
import { languageByCode, type LanguageCode } from '../../shared/languages.ts';
import type { Database } from '../database/open-database.ts';
import { ApiError, apiProblem } from '../http/problems.ts';

export class GuideProblem extends ApiError {
  override name = 'GuideProblem';

  constructor(
    statusCode: number,
    message: string,
    code: string,
    readonly details: Record<string, unknown>,
  ) {
    super(statusCode, message, code);
  }
}

const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

/** 409: somebody saved the draft after the revision the editor's change was based on. */
export function draftConflict(current: GuideEditorState, action: string): GuideProblem {
  const message =
    `${current.savedBy} saved this guide on ${when(current.savedAt)}, after you opened it, ` +
    `so your ${action} was not made. Your own changes are not saved yet: compare them with ` +
    `theirs, then try again.`;
  const body = { current } satisfies Omit<GuideConflict, keyof ReturnType<typeof apiProblem>>;
  return new GuideProblem(409, message, 'draft-conflict', body);
}

/** 422: the Swedish source is not complete (or a picture or recording is missing), so nothing can go out. */
export function notPublishable(problems: string[]): GuideProblem {
  const message = `The guide cannot be published yet: ${problems.join(' ')}`;
  const body = { problems } satisfies Omit<PublishProblem, keyof ReturnType<typeof apiProblem>>;
  return new GuideProblem(422, message, 'not-publishable', body);
}

/**
 * The guide's pictures and read-aloud recordings that are not on the server
 * (or not of their kind), one sentence each: tablets could not show or play them.
 */
export function missingMedia(db: Database, guide: Guide): string[] {
  const stored = db
    .prepare<[string], string>('SELECT mime_type FROM guide_images WHERE id = ?')
    .pluck();
  const isKind = (id: string, kind: 'image/' | 'audio/') => stored.get(id)?.startsWith(kind);
  return guide.steps.flatMap((step, index) => {
    const problems: string[] = [];
    if (step.image && !isKind(step.image.id, 'image/')) {
      problems.push(
        `Step ${index + 1} shows the picture "${step.image.id}", which has not been uploaded.`,
      );
    }
    for (const [code, words] of Object.entries(step.text)) {
      if (!words.audio || isKind(words.audio.id, 'audio/')) continue;
      const language = languageByCode(code as LanguageCode).englishName;
      problems.push(
        `Step ${index + 1} plays the ${language} recording "${words.audio.id}", which has not been uploaded. Upload the recording again or remove it.`,
      );
    }
    return problems;
  });
}

/** Runs a route's work; a GuideProblem is answered with its details, anything else goes on. */
export function answeringGuideProblems<T>(reply: FastifyReply, work: () => T): T | FastifyReply {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof GuideProblem)) throw error;
    return reply
      .code(error.statusCode)
      .send({ ...apiProblem(error.statusCode, error.message, error.code), ...error.details });
  }
}
