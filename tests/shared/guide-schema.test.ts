import { describe, expect, it } from 'vitest';
import { Guide, describeProblems } from '../../src/shared/content/guide.ts';
import { sampleGuide } from '../fixtures/guides.ts';

function problemsOf(input: unknown): string {
  const result = Guide.safeParse(input);
  if (result.success) throw new Error('expected the guide to be refused');
  return describeProblems(result.error);
}

describe('the guide schema', () => {
  it('accepts a well-formed guide', () => {
    expect(Guide.parse(sampleGuide()).steps).toHaveLength(2);
  });

  it('refuses a guide without Swedish, saying why', () => {
    const { sv: _sv, ...onlyEnglish } = sampleGuide().text;
    expect(problemsOf({ ...sampleGuide(), text: onlyEnglish })).toContain(
      'text.sv: The guide needs its Swedish title.',
    );
  });

  it('refuses a step translated into a language the guide does not have', () => {
    const guide = sampleGuide();
    const [first, second] = guide.steps;
    const withArabicStep = {
      ...guide,
      steps: [
        first,
        { ...second, text: { ...second?.text, ar: { title: 'اجمع الورقة', body: 'نص.' } } },
      ],
    };
    expect(problemsOf(withArabicStep)).toMatch(/Step 2 is in ar, but the guide has no ar title/);
  });

  it('refuses a half-translated guide, naming the missing step', () => {
    const guide = sampleGuide();
    const [first, second] = guide.steps;
    const { en: _en, ...swedishOnly } = second?.text ?? {};
    expect(problemsOf({ ...guide, steps: [first, { ...second, text: swedishOnly }] })).toContain(
      'steps[1].text.en: Step 2 has no en text',
    );
  });

  it('requires alt text in every language when a step has a picture', () => {
    const guide = sampleGuide();
    const [first, second] = guide.steps;
    const enWithoutAlt = { ...first?.text.en, imageAlt: undefined };
    const problems = problemsOf({
      ...guide,
      steps: [{ ...first, text: { ...first?.text, en: enWithoutAlt } }, second],
    });
    expect(problems).toContain('steps[0].text.en.imageAlt: This step has a picture');
  });

  it('refuses broken markup with the line and the fix', () => {
    const guide = sampleGuide();
    const [first, second] = guide.steps;
    const broken = { ...first?.text.sv, body: 'Tryck på **Skriv ut' };
    expect(
      problemsOf({ ...guide, steps: [{ ...first, text: { ...first?.text, sv: broken } }, second] }),
    ).toContain('steps[0].text.sv.body: Line 1: "**" starts bold text but it is never closed.');
  });

  it('refuses duplicate step ids', () => {
    const guide = sampleGuide();
    const [first] = guide.steps;
    expect(problemsOf({ ...guide, steps: [first, first] })).toContain(
      'steps[1].id: Two steps have the id "open-file"',
    );
  });

  it('refuses unknown categories and dates not written as YYYY-MM-DD', () => {
    const problems = problemsOf({
      ...sampleGuide(),
      category: 'gardening',
      lastVerified: '22/11/2026',
    });
    expect(problems).toContain('category: Invalid option');
    expect(problems).toContain('lastVerified: Write the date as YYYY-MM-DD.');
  });

  it('refuses a guide with no steps and an id with spaces', () => {
    const problems = problemsOf({ ...sampleGuide(), id: 'Print a page', steps: [] });
    expect(problems).toContain('id: Use only a-z, 0-9 and "-"');
    expect(problems).toContain('steps: A guide needs at least one step.');
  });
});
