import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import {
  GUIDE_PACK_MAX_BYTES,
  GUIDE_PACKS_API,
  GuidePack,
  PackImport,
  PackProblem,
} from '../../src/shared/api/guide-packs.ts';
import { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { publishGuide, replaceDraft } from '../../src/server/guides/guide-store.ts';
import { PACK_TOO_LARGE } from '../../src/server/packs/pack-routes.ts';
import { fixtureGuideJson, startTestApp, type TestApp } from './helpers.ts';
import { logInStaff, SAME_ORIGIN, type LoggedInStaff } from './staff-and-tablets.ts';

interface Lotsen extends TestApp {
  editor: LoggedInStaff;
}

async function startLotsen(): Promise<Lotsen> {
  const test = await startTestApp();
  return { ...test, editor: await logInStaff(test.db, 'editor') };
}

/** PNG's signature then some text: enough of a PNG for a pack's type check, unique by its text. */
const pngBytes = (text: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);

function addPicture(db: Database, id: string, text: string): string {
  const bytes = pngBytes(text);
  const sha256 = sha256Hex(bytes);
  db.prepare(
    "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, 'image/png', ?, ?)",
  ).run(id, sha256, bytes);
  return sha256;
}

/** A two-step guide in Swedish and Arabic whose first step shows `imageId`. */
function draftOf(id: string, title: string, imageId: string): GuideDraft {
  const base = fixtureGuideJson({ id, text: { sv: { title }, ar: { title: `${title} (ar)` } } });
  const [step] = base.steps as [{ image: Record<string, unknown>; text: { sv: object } }];
  return GuideDraft.parse({
    ...base,
    steps: [
      {
        ...step,
        image: { ...step.image, id: imageId },
        text: { ...step.text, ar: { title: 'افتح', body: 'اضغط.', imageAlt: 'هاتف.' } },
      },
      {
        id: 'done',
        text: {
          sv: { title: 'Klart', body: 'Nu är du klar.' },
          ar: { title: 'تم', body: 'انتهيت.' },
        },
      },
    ],
  });
}

function publishDraft(db: Database, draft: GuideDraft): void {
  replaceDraft(db, draft, 'author@bibliotek.example.se');
  publishGuide(db, draft.id, { note: '', by: 'author@bibliotek.example.se' });
}

/** The exporting library: the seeded guide and two more, one with a picture of its own. */
async function exportingLotsen(): Promise<Lotsen> {
  const lotsen = await startLotsen();
  addPicture(lotsen.db, 'card-photo', 'the exporting library card');
  publishDraft(lotsen.db, draftOf('renew-library-card', 'Förnya lånekortet', 'card-photo'));
  publishDraft(lotsen.db, draftOf('find-a-book', 'Hitta en bok', 'test-phone'));
  return lotsen;
}

async function exportPack(lotsen: Lotsen, query = '') {
  return lotsen.app.inject({
    url: `${GUIDE_PACKS_API.export.path}${query}`,
    headers: lotsen.editor.headers,
  });
}

function postPack(lotsen: Lotsen, path: string, body: string) {
  return lotsen.app.inject({
    method: 'POST',
    url: path,
    headers: { ...lotsen.editor.headers, 'content-type': 'application/json' },
    payload: body,
  });
}

/** Every row of every table, bytes as hex: two dumps are equal only if nothing changed. */
function dumpDatabase(db: Database): string {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
    (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
  );
}

const publishedDocuments = (db: Database) =>
  new Map(
    db
      .prepare<[], { id: string; document: string }>('SELECT id, document FROM guides')
      .all()
      .map((row) => [row.id, JSON.parse(row.document) as unknown]),
  );

const pictureBytes = (db: Database, id: string) =>
  db.prepare<[string], Buffer>('SELECT bytes FROM guide_images WHERE id = ?').pluck().get(id);

describe('GET /api/admin/packs/export', () => {
  it('sends the published guides and every picture they show, as a file to save', async () => {
    const lotsen = await exportingLotsen();
    // A draft that was never published stays home.
    replaceDraft(lotsen.db, draftOf('not-ready', 'Inte klar', 'test-phone'), 'x@example.se');

    const response = await exportPack(lotsen);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="lotsen-guides-\d{4}-\d{2}-\d{2}\.lotsen\.json"$/,
    );
    const pack = GuidePack.parse(response.json());
    expect(pack.exportedFrom).toBe('Stadsbiblioteket (demo)');
    expect(pack.guides.map((guide) => guide.id)).toEqual([
      'find-a-book',
      'renew-library-card',
      'test-open-bankid',
    ]);
    expect(pack.images.map((image) => image.id)).toEqual(['card-photo', 'test-phone']);
    for (const image of pack.images) {
      expect(
        Buffer.from(image.data, 'base64').equals(
          pictureBytes(lotsen.db, image.id) ?? Buffer.alloc(0),
        ),
      ).toBe(true);
    }
    // What tablets show, not the drafts.
    expect(pack.guides.map((guide) => guide)).toEqual(
      pack.guides.map((guide) => publishedDocuments(lotsen.db).get(guide.id)),
    );

    const chosen = GuidePack.parse((await exportPack(lotsen, '?guides=renew-library-card')).json());
    expect(chosen.guides.map((guide) => guide.id)).toEqual(['renew-library-card']);
    expect(chosen.images.map((image) => image.id)).toEqual(['card-photo']);
  });

  it('answers 404 naming guides that are unknown or not published, and 400 to a malformed list', async () => {
    const lotsen = await exportingLotsen();
    replaceDraft(lotsen.db, draftOf('not-ready', 'Inte klar', 'test-phone'), 'x@example.se');
    const missing = await exportPack(lotsen, '?guides=find-a-book,not-ready,no-such-guide');
    expect(missing.statusCode).toBe(404);
    expect(ApiProblem.parse(missing.json()).message).toBe(
      'These guides are not published here, so they cannot be exported: "not-ready", "no-such-guide". Only published guides go into a pack.',
    );
    const malformed = await exportPack(lotsen, '?guides=Find_A_Book');
    expect(malformed.statusCode).toBe(400);
    expect(ApiProblem.parse(malformed.json()).message).toMatch(/^Bad query\. guides\[0\]: /);
  });

  it('is for editors', async () => {
    const lotsen = await exportingLotsen();
    expect((await lotsen.app.inject(GUIDE_PACKS_API.export.path)).statusCode).toBe(401);
    const desk = await logInStaff(lotsen.db, 'staff');
    const refused = await lotsen.app.inject({
      url: GUIDE_PACKS_API.export.path,
      headers: desk.headers,
    });
    expect(refused.statusCode).toBe(403);
    const preview = await lotsen.app.inject({
      method: 'POST',
      url: GUIDE_PACKS_API.preview.path,
      headers: { ...desk.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(preview.statusCode).toBe(403);
  });
});

describe('importing a pack into another Lotsen', () => {
  it('round trip: the second Lotsen ends up with equal guides and pictures, published', async () => {
    const exporter = await exportingLotsen();
    const packText = (await exportPack(exporter)).body;
    const importer = await startLotsen();

    const response = await postPack(
      importer,
      `${GUIDE_PACKS_API.import.path}?publish=true`,
      packText,
    );
    expect(response.statusCode).toBe(200);
    const report = PackImport.parse(response.json());
    expect(report).toMatchObject({ applied: true, published: true });
    expect(report.guides.map(({ id, action }) => [id, action])).toEqual([
      ['find-a-book', 'add'],
      ['renew-library-card', 'add'],
      ['test-open-bankid', 'unchanged'],
    ]);
    expect(report.guides[1]?.languages).toEqual(['sv', 'ar']);
    expect(report.images).toEqual({ added: 1, alreadyHere: 1, renamed: [] });

    expect(publishedDocuments(importer.db)).toEqual(publishedDocuments(exporter.db));
    for (const id of ['card-photo', 'test-phone']) {
      expect(pictureBytes(importer.db, id)).toEqual(pictureBytes(exporter.db, id));
    }
    // The drafts are there for editors, saved by the importer; each changed guide got a release.
    const draft = importer.db
      .prepare<[], { saved_by: string }>(
        "SELECT saved_by FROM guide_drafts WHERE guide_id = 'renew-library-card'",
      )
      .get();
    expect(draft?.saved_by).toBe(importer.editor.user.email);
    const releases = importer.db
      .prepare<[], { published_by: string }>(
        'SELECT published_by FROM content_releases WHERE id > 1',
      )
      .all();
    expect(releases.map((release) => release.published_by)).toEqual([
      importer.editor.user.email,
      importer.editor.user.email,
    ]);

    // The same pack again changes nothing.
    const before = dumpDatabase(importer.db);
    const again = PackImport.parse(
      (await postPack(importer, `${GUIDE_PACKS_API.import.path}?publish=true`, packText)).json(),
    );
    expect(again.guides.every((guide) => guide.action === 'unchanged')).toBe(true);
    expect(dumpDatabase(importer.db)).toBe(before);
  });

  it('without ?publish=true it saves drafts only, and tablets see nothing new', async () => {
    const exporter = await exportingLotsen();
    const importer = await startLotsen();
    const response = await postPack(
      importer,
      GUIDE_PACKS_API.import.path,
      (await exportPack(exporter)).body,
    );
    expect(PackImport.parse(response.json())).toMatchObject({ applied: true, published: false });
    expect([...publishedDocuments(importer.db).keys()]).toEqual(['test-open-bankid']);
    expect(importer.db.prepare('SELECT COUNT(*) FROM guide_drafts').pluck().get()).toBe(3);
  });

  it('preview reports add / overwrite / unchanged and a renamed picture, and changes nothing', async () => {
    const exporter = await exportingLotsen();
    const packText = (await exportPack(exporter)).body;
    const importer = await startLotsen();
    // Here, "find-a-book" is a draft with other words, and "card-photo" is another picture.
    replaceDraft(
      importer.db,
      draftOf('find-a-book', 'Leta efter en bok', 'test-phone'),
      'x@example.se',
    );
    addPicture(importer.db, 'card-photo', 'a different picture with the same name');
    const before = dumpDatabase(importer.db);

    const response = await postPack(importer, GUIDE_PACKS_API.preview.path, packText);
    expect(response.statusCode).toBe(200);
    const report = PackImport.parse(response.json());
    expect(report).toMatchObject({
      applied: false,
      published: false,
      exportedFrom: 'Stadsbiblioteket (demo)',
    });
    expect(report.guides.map(({ id, action, title }) => [id, action, title])).toEqual([
      ['find-a-book', 'overwrite', 'Hitta en bok'],
      ['renew-library-card', 'add', 'Förnya lånekortet'],
      ['test-open-bankid', 'unchanged', 'Öppna BankID'],
    ]);
    const exportedSha = sha256Hex(pngBytes('the exporting library card'));
    const renamedId = `card-photo-${exportedSha.slice(0, 8)}`;
    expect(report.images).toEqual({
      added: 1,
      alreadyHere: 1,
      renamed: [{ from: 'card-photo', to: renamedId }],
    });
    expect(dumpDatabase(importer.db)).toBe(before);

    // The import does what the preview said: the picture under its new id, the guide pointing at it.
    const imported = await postPack(
      importer,
      `${GUIDE_PACKS_API.import.path}?publish=true`,
      packText,
    );
    expect(PackImport.parse(imported.json()).images).toEqual(report.images);
    expect(pictureBytes(importer.db, 'card-photo')).toEqual(
      pngBytes('a different picture with the same name'),
    );
    expect(pictureBytes(importer.db, renamedId)).toEqual(pngBytes('the exporting library card'));
    const card = GuidePack.shape.guides.element.parse(
      publishedDocuments(importer.db).get('renew-library-card'),
    );
    expect(card.steps[0]?.image?.id).toBe(renamedId);
    const book = GuidePack.shape.guides.element.parse(
      publishedDocuments(importer.db).get('find-a-book'),
    );
    expect(book.text.sv?.title).toBe('Hitta en bok');
  });
});

describe('a pack that cannot be imported', () => {
  async function brokenPacks() {
    const exporter = await exportingLotsen();
    const good = GuidePack.parse((await exportPack(exporter)).json());
    const clone = () => structuredClone(good);

    const badSchema = { ...clone(), formatVersion: 7 } as Record<string, unknown>;
    const guides = clone().guides as unknown as Record<string, unknown>[];
    (guides[0] as { steps: unknown[] }).steps = [];
    badSchema.guides = guides;

    const damaged = clone();
    const firstImage = damaged.images[0];
    if (!firstImage) throw new Error('The pack has no pictures.');
    firstImage.data = Buffer.from('other bytes').toString('base64');

    // Bytes that match their sha256 but are not the picture type the pack declares.
    const mislabelled = clone();
    const secondImage = mislabelled.images[0];
    if (!secondImage) throw new Error('The pack has no pictures.');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    secondImage.data = html.toString('base64');
    secondImage.sha256 = createHash('sha256').update(html).digest('hex');

    const missingPicture = clone();
    missingPicture.images = missingPicture.images.filter((image) => image.id !== 'card-photo');

    const twice = clone();
    twice.guides.push(structuredClone(twice.guides[0] as (typeof twice.guides)[number]));

    return { badSchema, damaged, mislabelled, missingPicture, twice };
  }

  it.each([
    ['preview', GUIDE_PACKS_API.preview.path],
    ['import', `${GUIDE_PACKS_API.import.path}?publish=true`],
  ])('%s answers 422 listing every problem, and the database is unchanged', async (_what, path) => {
    const packs = await brokenPacks();
    const importer = await startLotsen();
    const before = dumpDatabase(importer.db);

    const cases: [string, string, RegExp[]][] = [
      [
        'bad schema',
        JSON.stringify(packs.badSchema),
        [/^formatVersion: /, /^guides\[0\]\.steps: A guide needs at least one step\.$/],
      ],
      [
        'sha mismatch',
        JSON.stringify(packs.damaged),
        [/^images\[0\]: The picture "card-photo" does not match its sha256/],
      ],
      [
        'not the declared type',
        JSON.stringify(packs.mislabelled),
        [/^images\[0\]: The picture "card-photo" says it is image\/\w+, but its bytes are not\./],
      ],
      [
        'missing picture',
        JSON.stringify(packs.missingPicture),
        [
          /^The guide "renew-library-card", step 1, shows the picture "card-photo", which is not in the pack\.$/,
        ],
      ],
      [
        'a guide twice',
        JSON.stringify(packs.twice),
        [/^The guide "find-a-book" is in the pack more than once\.$/],
      ],
      [
        'not JSON',
        '{"format": "lotsen-guide-pack", ',
        [/^The file is not a Lotsen guide pack: it is not readable JSON/],
      ],
    ];
    for (const [what, body, expected] of cases) {
      const response = await postPack(importer, path, body);
      expect(response.statusCode, what).toBe(422);
      const problem = PackProblem.parse(response.json());
      expect(problem.code).toBe('invalid-pack');
      expect(problem.message).toMatch(
        /^This guide pack cannot be imported: it has .+\. Nothing was changed\.$/,
      );
      expect(problem.problems, what).toHaveLength(expected.length);
      expected.forEach((pattern, index) => {
        expect(problem.problems[index], what).toMatch(pattern);
      });
      expect(dumpDatabase(importer.db), what).toBe(before);
    }
  });

  it('answers 415 to a body that is not JSON', async () => {
    const importer = await startLotsen();
    const response = await importer.app.inject({
      method: 'POST',
      url: GUIDE_PACKS_API.import.path,
      headers: { ...importer.editor.headers, 'content-type': 'application/zip' },
      payload: 'PK',
    });
    expect(response.statusCode).toBe(415);
    expect(ApiProblem.parse(response.json()).message).toMatch(/\.lotsen\.json/);
  });

  it('answers 413 to a pack over the limit before reading it', async () => {
    const importer = await startLotsen();
    const response = await importer.app.inject({
      method: 'POST',
      url: GUIDE_PACKS_API.preview.path,
      headers: {
        ...importer.editor.headers,
        'content-type': 'application/json',
        'content-length': String(GUIDE_PACK_MAX_BYTES + 1),
      },
      payload: '{}',
    });
    expect(response.statusCode).toBe(413);
    expect(ApiProblem.parse(response.json()).message).toBe(PACK_TOO_LARGE);
  });

  it('refuses a cross-site import', async () => {
    const importer = await startLotsen();
    const response = await importer.app.inject({
      method: 'POST',
      url: GUIDE_PACKS_API.import.path,
      headers: {
        cookie: importer.editor.headers.cookie,
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      payload: '{}',
    });
    expect(response.statusCode).toBe(403);
    expect(SAME_ORIGIN['sec-fetch-site']).toBe('same-origin');
  });
});
