import { describe, expect, it } from 'vitest';
import { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { publishableGuide } from '../../src/shared/content/guide-publishing.ts';
import { Guide } from '../../src/shared/content/guide.ts';

/** Swedish and English complete, Arabic with a gap in step 3, Finnish without picture text. */
function draft(): GuideDraft {
  const words = (title: string) => ({ title, body: `${title}: gör så här.` });
  return GuideDraft.parse({
    id: 'print-a-page',
    category: 'print',
    icon: 'printer',
    lastVerified: '2025-03-01',
    verification: { status: 'verified' },
    text: {
      sv: { title: 'Skriv ut', summary: 'Från telefonen.' },
      en: { title: 'Print', summary: 'From the phone.' },
      ar: { title: 'اطبع' },
      fi: { title: 'Tulosta' },
    },
    steps: [
      {
        id: 'open',
        text: {
          sv: { ...words('Öppna'), callouts: [{ kind: 'tip', text: 'Be om hjälp.' }] },
          en: { ...words('Open'), callouts: [{ kind: 'tip', text: 'Ask for help.' }] },
          ar: words('افتح'),
          fi: words('Avaa'),
        },
      },
      {
        id: 'choose',
        image: { id: 'printer-screen', width: 300, height: 600 },
        text: {
          sv: { ...words('Välj'), imageAlt: 'Skrivarens skärm.' },
          en: { ...words('Choose'), imageAlt: 'The printer screen.' },
          ar: { ...words('اختر'), imageAlt: 'شاشة الطابعة.' },
          fi: words('Valitse'),
        },
      },
      {
        id: 'collect',
        text: {
          sv: words('Hämta'),
          en: words('Collect'),
          ar: { title: '', body: 'خذ الورقة.' },
          fi: words('Nouda'),
        },
      },
    ],
  });
}

describe('publishableGuide', () => {
  it('publishes Swedish and every complete language, and the result is a valid Guide', () => {
    const result = publishableGuide(draft());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(Object.keys(result.guide.text)).toEqual(['sv', 'en']);
    for (const step of result.guide.steps) expect(Object.keys(step.text)).toEqual(['sv', 'en']);
    expect(result.guide.steps[0]?.text.en?.callouts).toEqual([
      { kind: 'tip', text: 'Ask for help.' },
    ]);
    expect(result.guide.steps[1]?.image?.id).toBe('printer-screen');
    expect(Guide.safeParse(result.guide).error).toBeUndefined();
  });

  it('leaves out incomplete languages with readable reasons', () => {
    const result = publishableGuide(draft());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.omittedLanguages).toEqual([
      { language: 'ar', reasons: ['Step 3 has no title.'] },
      { language: 'fi', reasons: ['Step 2 has a picture but no description of it.'] },
    ]);
  });

  it('names a step that is not translated at all and a callout without words', () => {
    const guide = draft();
    const [first, second, third] = guide.steps;
    if (!first || !second || !third) throw new Error('fixture has three steps');
    const { en: _en, ...noEnglish } = third.text;
    guide.steps = [
      {
        ...first,
        text: {
          ...first.text,
          en: { title: 'Open', body: 'Open it.', callouts: [{ kind: 'warning', text: '' }] },
        },
      },
      second,
      { ...third, text: noEnglish },
    ];
    const result = publishableGuide(guide);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.omittedLanguages[0]).toEqual({
      language: 'en',
      reasons: ['Step 1 has a warning with no text.', 'Step 3 is not written yet.'],
    });
    expect(Object.keys(result.guide.text)).toEqual(['sv']);
  });

  it('refuses to publish when the Swedish source is incomplete, saying what is missing', () => {
    const guide = draft();
    guide.text.sv = { title: '', summary: '' };
    const second = guide.steps[1];
    if (!second?.text.sv) throw new Error('fixture has a Swedish step 2');
    second.text.sv = { ...second.text.sv, body: '', imageAlt: '' };
    expect(publishableGuide(guide)).toEqual({
      ok: false,
      problems: [
        'The guide has no title.',
        'Step 2 has no text.',
        'Step 2 has a picture but no description of it.',
      ],
    });
  });

  it('refuses a draft whose Swedish is complete but breaks the Guide schema', () => {
    // A draft parsed elsewhere could carry markup the Guide schema refuses: it is reported, not published.
    const guide = draft();
    const first = guide.steps[0];
    if (!first?.text.sv) throw new Error('fixture has a Swedish step 1');
    first.text.sv = { ...first.text.sv, body: 'Tryck på [[Skriv ut' };
    const result = publishableGuide(guide);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/steps\[0\]\.text\.sv\.body: .*"\[\["/);
  });
});
