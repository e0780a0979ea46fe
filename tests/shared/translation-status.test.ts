import { describe, expect, it } from 'vitest';
import { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import {
  confirmTranslation,
  fingerprint,
  nextTranslationBasis,
  translationStatuses,
  type TranslationBasis,
} from '../../src/shared/content/translation-status.ts';
import type { LanguageCode } from '../../src/shared/languages.ts';

/** Swedish and English complete, nothing else. */
function draft(): GuideDraft {
  return GuideDraft.parse({
    id: 'book-a-laundry-slot',
    category: 'housing',
    icon: 'house',
    lastVerified: '2025-03-01',
    verification: { status: 'verified' },
    text: { sv: { title: 'Boka tvättid' }, en: { title: 'Book a laundry slot' } },
    steps: [
      {
        id: 'log-in',
        text: {
          sv: { title: 'Logga in', body: 'Öppna appen.' },
          en: { title: 'Log in', body: 'Open the app.' },
        },
      },
      {
        id: 'choose-time',
        text: {
          sv: { title: 'Välj tid', body: 'Tryck på en ledig tid.' },
          en: { title: 'Choose a time', body: 'Tap a free time.' },
        },
      },
    ],
  });
}

function edited(guide: GuideDraft, change: (copy: GuideDraft) => void): GuideDraft {
  const copy = structuredClone(guide);
  change(copy);
  return GuideDraft.parse(copy);
}

function stepText(guide: GuideDraft, index: number, language: LanguageCode) {
  const text = guide.steps[index]?.text[language];
  if (!text) throw new Error(`step ${index + 1} has no ${language} text`);
  return text;
}

const statusOf = (guide: GuideDraft, basis: TranslationBasis, language: LanguageCode) => {
  const status = translationStatuses(guide, basis).find((entry) => entry.language === language);
  if (!status) throw new Error(`no status for ${language}`);
  return status;
};

describe('fingerprint', () => {
  it('is stable and tells different texts apart', () => {
    expect(fingerprint('Välj tid')).toBe(fingerprint('Välj tid'));
    expect(fingerprint('Välj tid')).not.toBe(fingerprint('Välj tiden'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('translation status', () => {
  it('lists every language except Swedish, in the order of the language table', () => {
    const statuses = translationStatuses(draft(), {});
    expect(statuses.map((status) => status.language)).toEqual([
      'sv-x-ll',
      'en',
      'ar',
      'fa',
      'so',
      'ti',
      'uk',
      'fi',
    ]);
    expect(statuses[1]).toEqual({
      language: 'en',
      state: 'current',
      totalParts: 3,
      missingParts: [],
      outdatedParts: [],
      machineDrafted: false,
    });
    expect(statuses[2]?.state).toBe('missing');
    expect(statuses[2]?.missingParts).toHaveLength(3);
  });

  it('marks a translation outdated when the Swedish of its step changes, current when translated again', () => {
    const first = draft();
    const basis1 = nextTranslationBasis(null, first, {});

    const swedishChanged = edited(first, (copy) => {
      stepText(copy, 1, 'sv').body = 'Tryck på en ledig tid och sedan på [[Boka]].';
    });
    const basis2 = nextTranslationBasis(first, swedishChanged, basis1);
    expect(statusOf(swedishChanged, basis2, 'en')).toMatchObject({
      state: 'outdated',
      outdatedParts: [{ part: 'choose-time', stepNumber: 2 }],
    });

    // An unrelated save keeps it outdated: the English still predates the new Swedish.
    const otherSave = edited(swedishChanged, (copy) => {
      stepText(copy, 0, 'sv').title = 'Logga in i appen';
      stepText(copy, 0, 'en').title = 'Log in to the app';
    });
    const basis3 = nextTranslationBasis(swedishChanged, otherSave, basis2);
    expect(statusOf(otherSave, basis3, 'en').outdatedParts).toEqual([
      { part: 'choose-time', stepNumber: 2 },
    ]);

    const translatedAgain = edited(otherSave, (copy) => {
      stepText(copy, 1, 'en').body = 'Tap a free time, then [[Boka]].';
    });
    const basis4 = nextTranslationBasis(otherSave, translatedAgain, basis3);
    expect(statusOf(translatedAgain, basis4, 'en')).toMatchObject({
      state: 'current',
      outdatedParts: [],
    });
  });

  it('counts a translation older than the basis as made from the Swedish before the save', () => {
    const first = draft();
    const swedishChanged = edited(first, (copy) => {
      if (copy.text.sv) copy.text.sv.title = 'Boka en tvättid';
    });
    // No basis at all, as for guides written before translation tracking.
    const basis = nextTranslationBasis(first, swedishChanged, {});
    expect(statusOf(swedishChanged, basis, 'en')).toMatchObject({
      state: 'outdated',
      outdatedParts: [{ part: 'guide', stepNumber: 0 }],
    });
  });

  it('makes an outdated language current when a translator confirms it', () => {
    const first = draft();
    const swedishChanged = edited(first, (copy) => {
      stepText(copy, 0, 'sv').body = 'Öppna appen på telefonen.';
    });
    const basis = nextTranslationBasis(
      first,
      swedishChanged,
      nextTranslationBasis(null, first, {}),
    );
    expect(statusOf(swedishChanged, basis, 'en').state).toBe('outdated');

    const confirmed = confirmTranslation(swedishChanged, basis, 'en');
    expect(statusOf(swedishChanged, confirmed, 'en')).toMatchObject({
      state: 'current',
      outdatedParts: [],
    });
  });

  it('says which translations a machine drafted, until somebody checks them', () => {
    const drafted = edited(draft(), (copy) => {
      const english = copy.text.en;
      if (english) english.machineDrafted = true;
    });
    expect(statusOf(drafted, {}, 'en')).toMatchObject({ state: 'current', machineDrafted: true });
    expect(statusOf(drafted, {}, 'ar').machineDrafted).toBe(false);
  });

  it('calls a partly translated language incomplete, naming the parts', () => {
    const partly = edited(draft(), (copy) => {
      copy.text.ar = { title: 'احجز وقتًا للغسيل', summary: '' };
      const first = copy.steps[0];
      if (first) first.text.ar = { title: 'سجّل الدخول', body: 'افتح التطبيق.', callouts: [] };
    });
    const basis = nextTranslationBasis(draft(), partly, {});
    expect(statusOf(partly, basis, 'ar')).toEqual({
      language: 'ar',
      state: 'incomplete',
      totalParts: 3,
      missingParts: [{ part: 'choose-time', stepNumber: 2 }],
      outdatedParts: [],
      machineDrafted: false,
    });
    expect(basis.ar).toEqual({
      ':guide': expect.any(String) as unknown,
      'log-in': expect.any(String) as unknown,
    });
  });

  it('forgets the basis of a translation that was removed', () => {
    const first = draft();
    const basis = nextTranslationBasis(null, first, {});
    expect(Object.keys(basis.en ?? {})).toHaveLength(3);
    const noEnglish = edited(first, (copy) => {
      delete copy.text.en;
      for (const step of copy.steps) delete step.text.en;
    });
    const after = nextTranslationBasis(first, noEnglish, basis);
    expect(after.en).toBeUndefined();
    expect(statusOf(noEnglish, after, 'en').state).toBe('missing');
  });
});
