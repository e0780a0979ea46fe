import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentRelease } from '../../src/shared/api/contract.ts';
import { Guide } from '../../src/shared/content/guide.ts';
import { readContentRelease } from '../../src/server/content/content-release.ts';
import { openDatabase } from '../../src/server/database/open-database.ts';
import { parseSeedContent, SeedError } from '../../src/server/seed/seed-content.ts';
import { bundledSeedFiles, readSeedFilesFromDisk } from '../../src/server/seed/seed-files.ts';
import { DEMO_BRANCH, seedDatabase } from '../../src/server/seed/seed-database.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import {
  FIXTURE_SVG,
  fixtureGuideJson,
  fixtureSeedContent,
  fixtureSeedFiles,
  makeTempDir,
} from './helpers.ts';

const seedError = (files: Parameters<typeof parseSeedContent>[0]) => {
  try {
    parseSeedContent(files);
  } catch (error) {
    if (error instanceof SeedError) return error.message;
    throw error;
  }
  throw new Error('Expected a SeedError');
};

describe('seedDatabase', () => {
  it('fills a fresh database once: the demo branch, release 1, guides and images', async () => {
    const dataDir = await makeTempDir();
    const db = openDatabase(dataDir);
    expect(seedDatabase(db, fixtureSeedContent())).toBe(true);
    expect(seedDatabase(db, fixtureSeedContent())).toBe(false);
    db.close();

    // A restart seeds nothing again either.
    const again = openDatabase(dataDir);
    try {
      expect(seedDatabase(again, fixtureSeedContent())).toBe(false);
      const counts = again
        .prepare<[], Record<string, number>>(
          `SELECT (SELECT COUNT(*) FROM branches) AS branches,
                  (SELECT COUNT(*) FROM content_releases) AS releases,
                  (SELECT COUNT(*) FROM guides) AS guides,
                  (SELECT COUNT(*) FROM guide_images) AS images`,
        )
        .get();
      expect(counts).toEqual({ branches: 1, releases: 1, guides: 1, images: 1 });
      // Every seeded guide is also a draft (revision 1) and its published version 1, by "seed".
      const history = again
        .prepare<[], Record<string, unknown>>(
          `SELECT d.guide_id AS id, d.revision, d.saved_by AS savedBy, v.version,
                  v.published_by AS publishedBy, v.release_id AS release,
                  r.published_by AS releasedBy, d.document = g.document AS sameDocument
             FROM guide_drafts d JOIN guide_versions v ON v.guide_id = d.guide_id
             JOIN guides g ON g.id = d.guide_id JOIN content_releases r ON r.id = v.release_id`,
        )
        .all();
      expect(history).toEqual([
        {
          id: 'test-open-bankid',
          revision: 1,
          savedBy: 'seed',
          version: 1,
          publishedBy: 'seed',
          release: 1,
          releasedBy: 'seed',
          sameDocument: 1,
        },
      ]);

      const content = ContentRelease.parse(JSON.parse(readContentRelease(again, 1, 0)?.json ?? ''));
      expect(content.release).toBe(1);
      expect(content.library).toEqual({
        branchId: 1,
        ...DEMO_BRANCH,
        idleResetSeconds: 120,
        publicUrl: null,
      });
      const image = again
        .prepare<[], { sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM guide_images')
        .get();
      expect(image?.sha256).toBe(sha256Hex(FIXTURE_SVG));
      expect(image?.bytes.toString('utf8')).toBe(FIXTURE_SVG);
    } finally {
      again.close();
    }
  });
});

describe('parseSeedContent', () => {
  it('stores guides as the schema parsed them, defaults filled in', () => {
    const [guide] = fixtureSeedContent().guides;
    expect(guide?.steps[0]?.text.sv?.callouts).toEqual([]);
  });

  it('names the file and the problem when a guide breaks the schema', () => {
    const files = fixtureSeedFiles();
    files.guides['./guides/broken.json'] = fixtureGuideJson({ id: 'broken', category: 'cooking' });
    expect(seedError(files)).toMatch(
      /^Seed guide \.\/guides\/broken\.json is not a valid guide:\ncategory: /,
    );
  });

  it('names the guide, step and image when a picture is missing', () => {
    const files = fixtureSeedFiles();
    files.images = {};
    expect(seedError(files)).toBe(
      'Seed guide "test-open-bankid" (./guides/test-open-bankid.json), step 1 "open-app": ' +
        'the image "test-phone" is missing. Add images/test-phone.svg.',
    );
  });

  it('refuses two guides with the same id and image files that are not valid ids', () => {
    const twice = fixtureSeedFiles();
    twice.guides['./guides/copy.json'] = fixtureGuideJson();
    expect(seedError(twice)).toMatch(/both have the id "test-open-bankid"/);

    const badName = fixtureSeedFiles();
    badName.images['./images/Phone Photo.svg'] = FIXTURE_SVG;
    expect(seedError(badName)).toMatch(/Seed image \.\/images\/Phone Photo\.svg/);
  });
});

describe('the bundled demo content', () => {
  const seedDir = fileURLToPath(new URL('../../src/server/seed', import.meta.url));

  it('is read the same by Vite (build, Vitest) and from disk (tsx)', () => {
    expect(readSeedFilesFromDisk(seedDir)).toEqual(bundledSeedFiles());
  });

  it('is valid, and what the database returns still passes the shared schemas', async () => {
    const content = parseSeedContent(bundledSeedFiles());
    const db = openDatabase(await makeTempDir());
    try {
      seedDatabase(db, content);
      const documents = db.prepare<[], { document: string }>('SELECT document FROM guides').all();
      expect(documents).toHaveLength(content.guides.length);
      for (const { document } of documents) {
        const parsed = Guide.safeParse(JSON.parse(document));
        expect(parsed.error).toBeUndefined();
      }
      const release: unknown = JSON.parse(readContentRelease(db, 1, 0)?.json ?? '');
      expect(ContentRelease.safeParse(release).error).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
