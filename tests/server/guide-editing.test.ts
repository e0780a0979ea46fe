import { describe, expect, it } from 'vitest';
import {
  GuideConflict,
  GuideEditorState,
  GuideList,
  GuideVersionDocument,
  GuideVersionList,
  PublishProblem,
  PublishResult,
  TranslationMatrix,
} from '../../src/shared/api/guide-editing.ts';
import { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { writeReviewAfterDays } from '../../src/server/settings/library-settings.ts';
import { startTestApp } from './helpers.ts';
import { logInStaff, SAME_ORIGIN, type LoggedInStaff } from './staff-and-tablets.ts';

const GUIDES = '/api/admin/guides';

/** A new guide: Swedish complete, English missing the last step. */
function newDraft(): GuideDraft {
  return GuideDraft.parse({
    id: 'renew-a-loan',
    category: 'passwords',
    icon: 'key',
    lastVerified: '2025-02-01',
    verification: { status: 'unverified', note: 'Check the app.' },
    text: { sv: { title: 'Låna om en bok' }, en: { title: 'Renew a loan' } },
    steps: [
      {
        id: 'open-account',
        image: { id: 'test-phone', width: 300, height: 600 },
        text: {
          sv: { title: 'Öppna Mina lån', body: 'Tryck på [[Mina lån]].', imageAlt: 'En telefon.' },
          en: { title: 'Open My loans', body: 'Tap [[Mina lån]].', imageAlt: 'A phone.' },
        },
      },
      { id: 'renew', text: { sv: { title: 'Låna om', body: 'Tryck på [[Låna om]].' } } },
    ],
  });
}

function count(db: Database, table: string): number {
  return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? -1;
}

function storedDraft(db: Database, id: string) {
  return db
    .prepare<[string], { document: string; revision: number; savedBy: string }>(
      'SELECT document, revision, saved_by AS savedBy FROM guide_drafts WHERE guide_id = ?',
    )
    .get(id);
}

async function setUp() {
  const test = await startTestApp();
  const editor = await logInStaff(test.db, 'editor');
  const call = (
    who: LoggedInStaff,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => test.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const create = async (draft: GuideDraft = newDraft()) => {
    const response = await call(editor, 'POST', GUIDES, { draft });
    expect(response.statusCode).toBe(201);
    return GuideEditorState.parse(response.json());
  };
  return { ...test, editor, call, create };
}

describe('the guide editor API', () => {
  it('lists the seeded guide as published version 1, with nothing unpublished', async () => {
    const { call, editor } = await setUp();
    const response = await call(editor, 'GET', GUIDES);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const list = GuideList.parse(response.json());
    expect(list.reviewAfterDays).toBe(180);
    expect(list.guides).toHaveLength(1);
    expect(list.guides[0]).toMatchObject({
      id: 'test-open-bankid',
      title: 'Öppna BankID',
      revision: 1,
      savedBy: 'seed',
      published: { version: 1, release: 1, publishedBy: 'seed', languages: ['sv'] },
      unpublishedChanges: false,
      // Verified 2025-01-15: long ago by the time these tests run.
      reviewOverdue: true,
    });
  });

  it('knows a guide has no unpublished changes by its revision, or else by comparing documents', async () => {
    const { db, call, editor, create } = await setUp();
    const created = await create();
    await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, { baseRevision: 1 });
    const stateOf = async () =>
      GuideEditorState.parse((await call(editor, 'GET', `${GUIDES}/renew-a-loan`)).json());
    expect((await stateOf()).unpublishedChanges).toBe(false);

    // A version that does not say which revision it came from is compared by content.
    db.prepare('UPDATE guide_versions SET draft_revision = NULL').run();
    expect((await stateOf()).unpublishedChanges).toBe(false);
    const changed = structuredClone(created.draft);
    const first = changed.steps[0];
    if (!first?.text.sv) throw new Error('the draft has a Swedish first step');
    first.text.sv.title = 'Öppna appen först';
    await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, { baseRevision: 1, draft: changed });
    expect((await stateOf()).unpublishedChanges).toBe(true);
    // Published from revision 2: the draft is what tablets show, known by its revision.
    await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, { baseRevision: 2 });
    expect((await stateOf()).unpublishedChanges).toBe(false);
  });

  it('creates, saves, publishes, lists versions, reverts, unpublishes and deletes a guide', async () => {
    const { db, call, editor, create } = await setUp();
    const created = await create();
    expect(created).toMatchObject({
      id: 'renew-a-loan',
      revision: 1,
      savedBy: editor.user.email,
      published: null,
      unpublishedChanges: true,
      publishProblems: null,
      omittedLanguages: [{ language: 'en', reasons: ['Step 2 is not written yet.'] }],
    });
    expect((await call(editor, 'POST', GUIDES, { draft: newDraft() })).statusCode).toBe(409);

    // Publish version 1: a new release, the guides row tablets read, English left out.
    const releasesBefore = count(db, 'content_releases');
    const first = await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, {
      baseRevision: 1,
      note: 'First version',
    });
    expect(first.statusCode).toBe(200);
    const published = PublishResult.parse(first.json());
    expect(published.version).toMatchObject({
      version: 1,
      publishedBy: editor.user.email,
      note: 'First version',
      languages: ['sv'],
    });
    expect(published.omittedLanguages.map((omitted) => omitted.language)).toEqual(['en']);
    expect(published.state.unpublishedChanges).toBe(false);
    expect(count(db, 'content_releases')).toBe(releasesBefore + 1);
    const row = db
      .prepare<[string], { document: string; release: number }>(
        'SELECT document, release_id AS release FROM guides WHERE id = ?',
      )
      .get('renew-a-loan');
    expect(row?.release).toBe(published.version.release);
    expect(Object.keys((JSON.parse(row?.document ?? '{}') as { text: object }).text)).toEqual([
      'sv',
    ]);
    const release = db
      .prepare<[number], { publishedBy: string }>(
        'SELECT published_by AS publishedBy FROM content_releases WHERE id = ?',
      )
      .get(published.version.release);
    expect(release?.publishedBy).toBe(editor.user.email);

    // Finish the English and publish version 2.
    const translated = structuredClone(published.state.draft);
    const renew = translated.steps[1];
    if (!renew) throw new Error('the draft has two steps');
    renew.text.en = { title: 'Renew', body: 'Tap [[Låna om]].', callouts: [] };
    const saved = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: translated,
    });
    expect(saved.statusCode).toBe(200);
    const savedState = GuideEditorState.parse(saved.json());
    expect(savedState).toMatchObject({
      revision: 2,
      unpublishedChanges: true,
      omittedLanguages: [],
    });
    const second = PublishResult.parse(
      (await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, { baseRevision: 2 })).json(),
    );
    expect(second.version).toMatchObject({ version: 2, languages: ['sv', 'en'], note: '' });

    // The history, newest first, and an old version's document for comparing.
    const versions = await call(editor, 'GET', `${GUIDES}/renew-a-loan/versions`);
    expect(versions.headers['cache-control']).toBe('no-store');
    expect(GuideVersionList.parse(versions.json()).versions.map((v) => v.version)).toEqual([2, 1]);
    const old = GuideVersionDocument.parse(
      (await call(editor, 'GET', `${GUIDES}/renew-a-loan/versions/1`)).json(),
    );
    expect(Object.keys(old.document.text)).toEqual(['sv']);
    expect((await call(editor, 'GET', `${GUIDES}/renew-a-loan/versions/9`)).statusCode).toBe(404);

    // Revert to version 1: the draft loses the English, tablets keep version 2 until a publish.
    const reverted = await call(editor, 'POST', `${GUIDES}/renew-a-loan/revert`, {
      baseRevision: 2,
      version: 1,
    });
    expect(reverted.statusCode).toBe(200);
    const revertedState = GuideEditorState.parse(reverted.json());
    expect(revertedState).toMatchObject({
      revision: 3,
      unpublishedChanges: true,
      published: { version: 2 },
    });
    expect(revertedState.draft.text.en).toBeUndefined();

    // A published guide cannot be deleted; unpublishing takes it off the tablets.
    expect((await call(editor, 'DELETE', `${GUIDES}/renew-a-loan`)).statusCode).toBe(409);
    const releasesBeforeUnpublish = count(db, 'content_releases');
    const unpublished = await call(editor, 'POST', `${GUIDES}/renew-a-loan/unpublish`);
    expect(unpublished.statusCode).toBe(200);
    expect(GuideEditorState.parse(unpublished.json()).published).toBeNull();
    expect(count(db, 'content_releases')).toBe(releasesBeforeUnpublish + 1);
    expect(db.prepare("SELECT id FROM guides WHERE id = 'renew-a-loan'").get()).toBeUndefined();
    expect((await call(editor, 'POST', `${GUIDES}/renew-a-loan/unpublish`)).statusCode).toBe(409);

    const deleted = await call(editor, 'DELETE', `${GUIDES}/renew-a-loan`);
    expect(deleted.statusCode).toBe(204);
    expect(storedDraft(db, 'renew-a-loan')).toBeUndefined();
    expect(
      db.prepare("SELECT version FROM guide_versions WHERE guide_id = 'renew-a-loan'").all(),
    ).toEqual([]);
    expect((await call(editor, 'GET', `${GUIDES}/renew-a-loan`)).statusCode).toBe(404);
  });

  it('refuses a save based on an old revision, keeping the first editor’s words whole', async () => {
    const { app, db, call, editor, create } = await setUp();
    const other = await logInStaff(db, 'editor');
    await create();

    // Both editors load revision 1.
    const loaded = GuideEditorState.parse(
      (await call(editor, 'GET', `${GUIDES}/renew-a-loan`)).json(),
    );
    const loadedByOther = GuideEditorState.parse(
      (await call(other, 'GET', `${GUIDES}/renew-a-loan`)).json(),
    );
    expect(loadedByOther.revision).toBe(1);

    const firstDraft = structuredClone(loaded.draft);
    if (firstDraft.text.sv) firstDraft.text.sv.title = 'Låna om dina böcker';
    const first = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: firstDraft,
    });
    expect(first.statusCode).toBe(200);

    const secondDraft = structuredClone(loadedByOther.draft);
    if (secondDraft.text.sv) secondDraft.text.sv.title = 'Förläng ett lån';
    const second = await app.inject({
      method: 'PUT',
      url: `${GUIDES}/renew-a-loan/draft`,
      headers: other.headers,
      payload: { baseRevision: 1, draft: secondDraft },
    });
    expect(second.statusCode).toBe(409);
    const conflict = GuideConflict.parse(second.json());
    expect(conflict.code).toBe('draft-conflict');
    expect(conflict.message).toContain(editor.user.email);
    expect(conflict.current.revision).toBe(2);
    expect(conflict.current.savedBy).toBe(editor.user.email);
    expect(conflict.current.draft.text.sv?.title).toBe('Låna om dina böcker');

    // Stored: the first editor's draft, whole, at revision 2.
    const stored = storedDraft(db, 'renew-a-loan');
    expect(stored?.revision).toBe(2);
    expect(stored?.savedBy).toBe(editor.user.email);
    expect(GuideDraft.parse(JSON.parse(stored?.document ?? '{}'))).toEqual(firstDraft);

    // A publish or revert from the old revision is refused the same way.
    const staleRevert = await call(other, 'POST', `${GUIDES}/renew-a-loan/revert`, {
      baseRevision: 1,
      version: 1,
    });
    expect(staleRevert.statusCode).toBe(409);
    const stalePublish = await call(other, 'POST', `${GUIDES}/renew-a-loan/publish`, {
      baseRevision: 1,
    });
    expect(GuideConflict.parse(stalePublish.json()).code).toBe('draft-conflict');
    expect(db.prepare("SELECT id FROM guides WHERE id = 'renew-a-loan'").get()).toBeUndefined();
  });

  it('answers bad input with a readable 400 or 422 and stores nothing', async () => {
    const { db, call, editor, create } = await setUp();
    await create();
    const before = storedDraft(db, 'renew-a-loan');
    const releases = count(db, 'content_releases');

    const badMarkup = structuredClone(newDraft()) as unknown as {
      steps: { text: { sv: { body: string } } }[];
    };
    const firstStep = badMarkup.steps[0];
    if (firstStep) firstStep.text.sv.body = 'Tryck på **Mina lån';
    const markup = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: badMarkup,
    });
    expect(markup.statusCode).toBe(400);
    expect(markup.json<{ message: string }>().message).toMatch(
      /steps\[0\]\.text\.sv\.body: Line 1: "\*\*" starts bold text but it is never closed/,
    );

    const otherId = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: { ...newDraft(), id: 'something-else' },
    });
    expect(otherId.statusCode).toBe(400);
    expect(otherId.json<{ message: string }>().message).toMatch(/id cannot change/);

    const noRevision = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      draft: newDraft(),
    });
    expect(noRevision.statusCode).toBe(400);
    expect((await call(editor, 'GET', `${GUIDES}/Not%20a%20slug`)).statusCode).toBe(400);
    expect((await call(editor, 'GET', `${GUIDES}/renew-a-loan/versions/0`)).statusCode).toBe(400);
    expect((await call(editor, 'GET', `${GUIDES}/no-such-guide`)).statusCode).toBe(404);
    const swedish = await call(editor, 'POST', `${GUIDES}/renew-a-loan/translations/sv/confirm`, {
      baseRevision: 1,
    });
    expect(swedish.statusCode).toBe(400);

    // Swedish incomplete: 422 with the problems, no release, nothing on the tablets.
    const unfinished = newDraft();
    const renew = unfinished.steps[1];
    if (renew?.text.sv) renew.text.sv.title = '';
    const save = await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: unfinished,
    });
    const unfinishedState = GuideEditorState.parse(save.json());
    expect(unfinishedState.publishProblems).toEqual(['Step 2 has no title.']);
    const refused = await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, {
      baseRevision: 2,
    });
    expect(refused.statusCode).toBe(422);
    expect(PublishProblem.parse(refused.json())).toMatchObject({
      code: 'not-publishable',
      problems: ['Step 2 has no title.'],
    });
    expect(count(db, 'content_releases')).toBe(releases);
    expect(db.prepare("SELECT id FROM guides WHERE id = 'renew-a-loan'").get()).toBeUndefined();
    expect(before?.revision).toBe(1);
    expect(storedDraft(db, 'renew-a-loan')?.revision).toBe(2);
  });

  it('refuses to publish a picture that was never uploaded', async () => {
    const { db, call, create } = await setUp();
    const draft = newDraft();
    const first = draft.steps[0];
    if (first?.image) first.image.id = 'not-uploaded';
    await create(draft);
    const releases = count(db, 'content_releases');
    const editor = await logInStaff(db, 'editor');
    const refused = await call(editor, 'POST', `${GUIDES}/renew-a-loan/publish`, {
      baseRevision: 1,
    });
    expect(refused.statusCode).toBe(422);
    expect(PublishProblem.parse(refused.json()).problems).toEqual([
      'Step 1 shows the picture "not-uploaded", which has not been uploaded.',
    ]);
    expect(count(db, 'content_releases')).toBe(releases);
  });

  it('lets editors and admins in, and no one else', async () => {
    const { app, db, call } = await setUp();
    const staff = await logInStaff(db, 'staff');
    const admin = await logInStaff(db, 'admin');
    expect((await call(staff, 'GET', GUIDES)).statusCode).toBe(403);
    expect((await call(admin, 'GET', GUIDES)).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: GUIDES, headers: SAME_ORIGIN })).statusCode,
    ).toBe(401);
    const created = await app.inject({
      method: 'POST',
      url: GUIDES,
      headers: staff.headers,
      payload: { draft: newDraft() },
    });
    expect(created.statusCode).toBe(403);
    expect(count(db, 'guide_drafts')).toBe(1);
  });

  it('tracks translations: outdated after a Swedish change, current after a confirm', async () => {
    const { db, call, editor, create } = await setUp();
    await create();
    const changed = newDraft();
    const firstStep = changed.steps[0];
    if (firstStep?.text.sv) firstStep.text.sv.body = 'Tryck på [[Mina lån]] längst ner.';
    if (changed.text.en) changed.text.en.machineDrafted = true;
    const saved = GuideEditorState.parse(
      (
        await call(editor, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
          baseRevision: 1,
          draft: changed,
        })
      ).json(),
    );
    const english = saved.translations.find((status) => status.language === 'en');
    expect(english).toMatchObject({
      state: 'incomplete',
      missingParts: [{ part: 'renew', stepNumber: 2 }],
      outdatedParts: [{ part: 'open-account', stepNumber: 1 }],
      machineDrafted: true,
    });

    const matrix = TranslationMatrix.parse(
      (await call(editor, 'GET', '/api/admin/translations')).json(),
    );
    expect(matrix.languages.slice(0, 2)).toEqual(['sv-x-ll', 'en']);
    const row = matrix.rows.find((entry) => entry.id === 'renew-a-loan');
    expect(row?.translations[1]?.outdatedParts).toHaveLength(1);
    expect(row?.published).toBe(false);

    const confirmed = await call(editor, 'POST', `${GUIDES}/renew-a-loan/translations/en/confirm`, {
      baseRevision: 2,
    });
    expect(confirmed.statusCode).toBe(200);
    const confirmedState = GuideEditorState.parse(confirmed.json());
    expect(confirmedState.revision).toBe(2);
    expect(confirmedState.translations.find((status) => status.language === 'en')).toMatchObject({
      outdatedParts: [],
      machineDrafted: false,
    });
    const stale = await call(editor, 'POST', `${GUIDES}/renew-a-loan/translations/en/confirm`, {
      baseRevision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(db.prepare('SELECT COUNT(*) AS n FROM guide_versions').get()).toEqual({ n: 1 });
  });

  it('flags guides verified longer ago than the library’s review age', async () => {
    const { db, call, editor, create } = await setUp();
    const recent = newDraft();
    recent.lastVerified = new Date().toISOString().slice(0, 10);
    await create(recent);
    writeReviewAfterDays(db, 30);
    const list = GuideList.parse((await call(editor, 'GET', GUIDES)).json());
    expect(list.reviewAfterDays).toBe(30);
    expect(list.guides.map((guide) => [guide.id, guide.reviewOverdue])).toEqual([
      ['renew-a-loan', false],
      ['test-open-bankid', true],
    ]);
  });
});
