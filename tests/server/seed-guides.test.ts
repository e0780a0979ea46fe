import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSeedContent } from '../../src/server/seed/seed-content.ts';
import { readSeedFilesFromDisk } from '../../src/server/seed/seed-files.ts';
import type { StepText } from '../../src/shared/content/guide.ts';
import { parseMarkup, screenLabels } from '../../src/shared/content/markup.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/shared/languages.ts';

// The demo guides every fresh install starts with, checked as a library would check its own.
const seed = parseSeedContent(
  readSeedFilesFromDisk(fileURLToPath(new URL('../../src/server/seed/', import.meta.url))),
);
const EVERY_LANGUAGE = LANGUAGES.map((language) => language.code);
const TRANSLATIONS = EVERY_LANGUAGE.filter((code) => code !== SOURCE_LANGUAGE);

/** The on-screen labels a step's words point at, in order. */
function labelsOf(text: StepText): string[] {
  return [text.body, ...text.callouts.map((callout) => callout.text)].flatMap((source) => {
    const parsed = parseMarkup(source);
    return parsed.ok ? screenLabels(parsed.blocks) : [`unparsable: ${source}`];
  });
}

describe.each(seed.guides.map((guide) => ({ id: guide.id, guide })))(
  'seed guide $id',
  ({ guide }) => {
    it('is in every language, every step of it', () => {
      expect(Object.keys(guide.text).sort()).toEqual([...EVERY_LANGUAGE].sort());
      const gaps = guide.steps.flatMap((step, index) =>
        EVERY_LANGUAGE.filter((code) => !step.text[code]).map(
          (code) => `step ${index + 1}: ${code}`,
        ),
      );
      expect(gaps).toEqual([]);
    });

    it('marks every translation as drafted by a machine until a native speaker checks it', () => {
      const unmarked = TRANSLATIONS.filter((code) => guide.text[code]?.machineDrafted !== true);
      expect(unmarked).toEqual([]);
      expect(guide.text[SOURCE_LANGUAGE]?.machineDrafted).toBeUndefined();
    });

    it('keeps the Swedish screen labels in every translation, as the phone shows them', () => {
      const differences = guide.steps.flatMap((step, index) => {
        const swedish = step.text[SOURCE_LANGUAGE];
        if (!swedish) return [`step ${index + 1}: no Swedish`];
        const expected = labelsOf(swedish).sort().join(' | ');
        return TRANSLATIONS.flatMap((code) => {
          const text = step.text[code];
          const found = text ? labelsOf(text).sort().join(' | ') : 'missing';
          return found === expected ? [] : [`step ${index + 1} ${code}: ${found} ≠ ${expected}`];
        });
      });
      expect(differences).toEqual([]);
    });

    it('has the same warnings, tips and privacy notes in every language', () => {
      const differences = guide.steps.flatMap((step, index) => {
        const kinds = (code: (typeof EVERY_LANGUAGE)[number]) =>
          step.text[code]?.callouts.map((callout) => callout.kind).join(',') ?? 'missing';
        const expected = kinds(SOURCE_LANGUAGE);
        return TRANSLATIONS.filter((code) => kinds(code) !== expected).map(
          (code) => `step ${index + 1} ${code}: ${kinds(code)} ≠ ${expected}`,
        );
      });
      expect(differences).toEqual([]);
    });

    it('says it is not yet checked against the real service', () => {
      expect(guide.verification.status).toBe('unverified');
      expect(guide.verification.note.length).toBeGreaterThan(100);
    });
  },
);
