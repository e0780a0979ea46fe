/**
 * Read-aloud recordings in guides: saved in drafts, refused at publish when
 * missing, listed in content releases so tablets download them, and carried
 * by guide packs.
 */
import { describe, expect, it } from 'vitest';
import { ContentRelease } from '../../src/shared/api/contract.ts';
import {
  GuideEditorState,
  PublishProblem,
  PublishResult,
  UploadedAudio,
} from '../../src/shared/api/guide-editing.ts';
import {
  GUIDE_PACKS_API,
  GuidePack,
  PackImport,
  PackProblem,
} from '../../src/shared/api/guide-packs.ts';
import { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { logInStaff, type LoggedInStaff } from './staff-and-tablets.ts';

const GUIDES = '/api/admin/guides';

interface Lotsen extends TestApp {
  editor: LoggedInStaff;
}

async function startLotsen(): Promise<Lotsen> {
  const test = await startTestApp();
  return { ...test, editor: await logInStaff(test.db, 'editor') };
}

const oggBytes = (words: string) =>
  Buffer.concat([Buffer.from('OggS\u0000\u0002'), Buffer.from(words)]);

async function uploadOgg(lotsen: Lotsen, words: string): Promise<UploadedAudio> {
  const response = await lotsen.app.inject({
    method: 'POST',
    url: '/api/admin/audio',
    headers: { ...lotsen.editor.headers, 'content-type': 'audio/ogg' },
    payload: oggBytes(words),
  });
  expect(response.statusCode).toBe(201);
  return UploadedAudio.parse(response.json());
}

/** A one-step guide in Swedish and Somali; the Somali step plays `somaliAudio`. */
function draftWithAudio(somaliAudio: string | undefined, swedishAudio?: string): GuideDraft {
  return GuideDraft.parse({
    id: 'renew-a-loan',
    category: 'passwords',
    icon: 'key',
    lastVerified: '2025-02-01',
    verification: { status: 'unverified', note: '' },
    text: { sv: { title: 'Låna om en bok' }, so: { title: 'Cusboonaysii amaahda' } },
    steps: [
      {
        id: 'open-account',
        text: {
          sv: {
            title: 'Öppna Mina lån',
            body: 'Tryck på [[Mina lån]].',
            ...(swedishAudio ? { audio: { id: swedishAudio } } : {}),
          },
          so: {
            title: 'Fur amaahdayda',
            body: 'Riix [[Mina lån|Amaahdayda]].',
            ...(somaliAudio ? { audio: { id: somaliAudio } } : {}),
          },
        },
      },
    ],
  });
}

function call(lotsen: Lotsen, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return lotsen.app.inject({
    method,
    url,
    headers: lotsen.editor.headers,
    ...(payload ? { payload } : {}),
  });
}

async function createAndPublish(lotsen: Lotsen, draft: GuideDraft) {
  const created = await call(lotsen, 'POST', GUIDES, { draft });
  expect(created.statusCode).toBe(201);
  return call(lotsen, 'POST', `${GUIDES}/${draft.id}/publish`, { baseRevision: 1 });
}

async function content(lotsen: Lotsen, since = 0) {
  const response = await lotsen.app.inject(`/api/content?since=${since}`);
  expect(response.statusCode).toBe(200);
  return ContentRelease.parse(response.json());
}

const mediaBytes = (db: Database, id: string) =>
  db.prepare<[string], Buffer>('SELECT bytes FROM guide_images WHERE id = ?').pluck().get(id);

describe('a step’s read-aloud recording', () => {
  it('is kept in the draft, and not counted as words a translator must redo', async () => {
    const lotsen = await startLotsen();
    const somali = await uploadOgg(lotsen, 'somali');
    const created = await call(lotsen, 'POST', GUIDES, { draft: draftWithAudio(somali.id) });
    const state = GuideEditorState.parse(created.json());
    expect(state.draft.steps[0]?.text.so?.audio).toEqual({ id: somali.id });
    const somaliStatus = () => state.translations.find((entry) => entry.language === 'so');
    expect(somaliStatus()?.state).toBe('current');

    // A recording of the Swedish changes no Swedish words: the Somali stays current.
    const swedish = await uploadOgg(lotsen, 'swedish');
    const saved = await call(lotsen, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: draftWithAudio(somali.id, swedish.id),
    });
    expect(saved.statusCode).toBe(200);
    const after = GuideEditorState.parse(saved.json());
    expect(after.draft.steps[0]?.text.sv?.audio).toEqual({ id: swedish.id });
    expect(after.translations.find((entry) => entry.language === 'so')?.state).toBe('current');
  });

  it('goes out with the guide, and tablets are told to download it with its type', async () => {
    const lotsen = await startLotsen();
    const before = (await content(lotsen)).release;
    const somali = await uploadOgg(lotsen, 'somali');
    const published = await createAndPublish(lotsen, draftWithAudio(somali.id));
    expect(published.statusCode).toBe(200);
    const { version } = PublishResult.parse(published.json());
    expect(version.languages).toEqual(['sv', 'so']);

    const everything = await content(lotsen);
    const guide = everything.guides.find((entry) => entry.id === 'renew-a-loan');
    expect(guide?.steps[0]?.text.so?.audio).toEqual({ id: somali.id });
    expect(everything.images).toContainEqual({
      id: somali.id,
      sha256: somali.sha256,
      mimeType: 'audio/ogg',
      size: somali.size,
    });
    // A tablet that has the release before gets the guide and its recording, nothing else.
    const changes = await content(lotsen, before);
    expect(changes.images.map((image) => image.id)).toEqual([somali.id]);
    // A tablet that is up to date gets no recording again.
    expect((await content(lotsen, everything.release)).images).toEqual([]);
  });

  it('a recording no guide plays is not sent to tablets', async () => {
    const lotsen = await startLotsen();
    const unused = await uploadOgg(lotsen, 'never used');
    expect((await content(lotsen)).images.map((image) => image.id)).not.toContain(unused.id);
  });

  it('refuses to publish a recording that was never uploaded, or that is a picture', async () => {
    const lotsen = await startLotsen();
    const releases = (await content(lotsen)).release;
    const missing = await createAndPublish(lotsen, draftWithAudio('aud-0000000000000000'));
    expect(missing.statusCode).toBe(422);
    expect(PublishProblem.parse(missing.json()).problems).toEqual([
      'Step 1 plays the Somali recording "aud-0000000000000000", which has not been uploaded. Upload the recording again or remove it.',
    ]);

    const saved = await call(lotsen, 'PUT', `${GUIDES}/renew-a-loan/draft`, {
      baseRevision: 1,
      draft: draftWithAudio('test-phone'),
    });
    expect(saved.statusCode).toBe(200);
    const picture = await call(lotsen, 'POST', `${GUIDES}/renew-a-loan/publish`, {
      baseRevision: 2,
    });
    expect(picture.statusCode).toBe(422);
    expect(PublishProblem.parse(picture.json()).problems[0]).toMatch(
      /^Step 1 plays the Somali recording "test-phone", which has not been uploaded/,
    );
    expect((await content(lotsen)).release).toBe(releases);
  });
});

describe('guide packs with recordings', () => {
  async function exportWithRecording() {
    const exporter = await startLotsen();
    const somali = await uploadOgg(exporter, 'the exporting library reads aloud');
    expect((await createAndPublish(exporter, draftWithAudio(somali.id))).statusCode).toBe(200);
    const response = await exporter.app.inject({
      url: `${GUIDE_PACKS_API.export.path}?guides=renew-a-loan`,
      headers: exporter.editor.headers,
    });
    expect(response.statusCode).toBe(200);
    return { exporter, somali, packText: response.body };
  }

  function importPack(lotsen: Lotsen, packText: string) {
    return lotsen.app.inject({
      method: 'POST',
      url: `${GUIDE_PACKS_API.import.path}?publish=true`,
      headers: { ...lotsen.editor.headers, 'content-type': 'application/json' },
      payload: packText,
    });
  }

  it('export carries the recording; import stores it and tablets get it', async () => {
    const { exporter, somali, packText } = await exportWithRecording();
    const pack = GuidePack.parse(JSON.parse(packText));
    expect(pack.images.map(({ id, mimeType }) => [id, mimeType])).toEqual([
      [somali.id, 'audio/ogg'],
    ]);

    const importer = await startLotsen();
    const response = await importPack(importer, packText);
    expect(response.statusCode).toBe(200);
    expect(PackImport.parse(response.json()).images).toEqual({
      added: 1,
      alreadyHere: 0,
      renamed: [],
    });
    expect(mediaBytes(importer.db, somali.id)).toEqual(mediaBytes(exporter.db, somali.id));
    const tablets = await content(importer);
    expect(tablets.images).toContainEqual({
      id: somali.id,
      sha256: somali.sha256,
      mimeType: 'audio/ogg',
      size: somali.size,
    });
  });

  it('renames a recording whose id is taken here by other bytes, and the step follows', async () => {
    const { somali, packText } = await exportWithRecording();
    const importer = await startLotsen();
    const other = oggBytes('other bytes under the same id');
    importer.db
      .prepare(
        "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, 'audio/ogg', ?, ?)",
      )
      .run(somali.id, sha256Hex(other), other);

    const report = PackImport.parse((await importPack(importer, packText)).json());
    const renamedId = `${somali.id}-${somali.sha256.slice(0, 8)}`;
    expect(report.images.renamed).toEqual([{ from: somali.id, to: renamedId }]);
    expect(mediaBytes(importer.db, somali.id)).toEqual(other);
    expect(mediaBytes(importer.db, renamedId)).toEqual(
      oggBytes('the exporting library reads aloud'),
    );
    const guide = (await content(importer)).guides.find((entry) => entry.id === 'renew-a-loan');
    expect(guide?.steps[0]?.text.so?.audio).toEqual({ id: renamedId });
  });

  it('refuses a pack whose recording is missing or not what it says', async () => {
    const { somali, packText } = await exportWithRecording();
    const pack = GuidePack.parse(JSON.parse(packText));
    const importer = await startLotsen();

    const without = JSON.stringify({ ...pack, images: [] });
    const missing = await importPack(importer, without);
    expect(missing.statusCode).toBe(422);
    expect(PackProblem.parse(missing.json()).problems).toEqual([
      `The guide "renew-a-loan", step 1, plays the Somali recording "${somali.id}", which is not in the pack.`,
    ]);

    const words = Buffer.from('not a recording');
    const disguised = JSON.stringify({
      ...pack,
      images: pack.images.map((image) => ({
        ...image,
        sha256: sha256Hex(words),
        data: words.toString('base64'),
      })),
    });
    const refused = await importPack(importer, disguised);
    expect(refused.statusCode).toBe(422);
    expect(PackProblem.parse(refused.json()).problems).toEqual([
      `images[0]: The recording "${somali.id}" says it is audio/ogg, but its bytes are not. Export the pack again from a Lotsen.`,
    ]);
    expect(mediaBytes(importer.db, somali.id)).toBeUndefined();
  });
});
