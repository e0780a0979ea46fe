import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';
import type { GuideDraft, DraftStep } from '../../shared/content/guide-draft.ts';
import {
  LANGUAGES,
  languageByCode,
  SOURCE_LANGUAGE,
  type LanguageCode,
} from '../../shared/languages.ts';
import { languageLabel } from './language-labels.ts';

/** Two texts side by side, word by word: what the right one removed, and what it added. */
export function WordDiff({
  before,
  after,
  side,
}: {
  before: string;
  after: string;
  side: 'before' | 'after';
}) {
  const { t } = useTranslation('editor');
  return diffWords(before, after).map((change, index) => {
    if (change.added) {
      return side === 'after' ? (
        <ins key={index}>
          <span className="visually-hidden">{t('compare.insertedStart')}</span>
          {change.value}
          <span className="visually-hidden">{t('compare.changeEnd')}</span>
        </ins>
      ) : null;
    }
    if (change.removed) {
      return side === 'before' ? (
        <del key={index}>
          <span className="visually-hidden">{t('compare.deletedStart')}</span>
          {change.value}
          <span className="visually-hidden">{t('compare.changeEnd')}</span>
        </del>
      ) : null;
    }
    return <span key={index}>{change.value}</span>;
  });
}

interface Difference {
  label: string;
  language: LanguageCode | undefined;
  before: string;
  after: string;
}

type StepTexts = DraftStep['text'];

const calloutLines = (text: StepTexts[LanguageCode]) =>
  (text?.callouts ?? []).map((callout) => `${callout.kind}: ${callout.text}`).join('\n');

/**
 * Two versions of a guide (or a version and the draft) side by side, part
 * by part: the guide's fields and texts, then each step in each language.
 * Only what differs is shown.
 */
export function GuideComparison({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: GuideDraft;
  after: GuideDraft;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t, i18n } = useTranslation('editor');
  const languagesOf = (...texts: Partial<Record<LanguageCode, unknown>>[]) =>
    LANGUAGES.map((language) => language.code).filter((code) =>
      texts.some((text) => text[code] !== undefined),
    );
  const name = (code: LanguageCode) => languageLabel(code, i18n.language);

  const guideDifferences: Difference[] = [
    {
      label: t('fields.category'),
      language: undefined,
      before: t(`categories.${before.category}`),
      after: t(`categories.${after.category}`),
    },
    {
      label: t('fields.icon'),
      language: undefined,
      before: t(`icons.${before.icon}`),
      after: t(`icons.${after.icon}`),
    },
    {
      label: t('fields.lastVerified'),
      language: undefined,
      before: before.lastVerified,
      after: after.lastVerified,
    },
    {
      label: t('fields.verificationNote'),
      language: undefined,
      before: before.verification.note,
      after: after.verification.note,
    },
    ...languagesOf(before.text, after.text).flatMap((code) => [
      {
        label: t('compare.partIn', { part: t('guideText.title'), language: name(code) }),
        language: code,
        before: before.text[code]?.title ?? '',
        after: after.text[code]?.title ?? '',
      },
      {
        label: t('compare.partIn', { part: t('guideText.summary'), language: name(code) }),
        language: code,
        before: before.text[code]?.summary ?? '',
        after: after.text[code]?.summary ?? '',
      },
    ]),
  ].filter((difference) => difference.before !== difference.after);

  const stepIds = [
    ...after.steps.map((step) => step.id),
    ...before.steps
      .map((step) => step.id)
      .filter((id) => !after.steps.some((step) => step.id === id)),
  ];

  return (
    <div className="editor-comparison">
      <DifferenceTable
        caption={t('compare.guide')}
        differences={guideDifferences}
        beforeLabel={beforeLabel}
        afterLabel={afterLabel}
      />
      {stepIds.map((id) => {
        const beforeIndex = before.steps.findIndex((step) => step.id === id);
        const afterIndex = after.steps.findIndex((step) => step.id === id);
        const beforeStep = before.steps[beforeIndex];
        const afterStep = after.steps[afterIndex];
        const beforeText: StepTexts = beforeStep?.text ?? {};
        const afterText: StepTexts = afterStep?.text ?? {};
        const title = afterText[SOURCE_LANGUAGE]?.title ?? beforeText[SOURCE_LANGUAGE]?.title ?? '';
        const differences: Difference[] = languagesOf(beforeText, afterText).flatMap((code) =>
          [
            {
              part: t('steps.stepTitle'),
              before: beforeText[code]?.title ?? '',
              after: afterText[code]?.title ?? '',
            },
            {
              part: t('steps.body'),
              before: beforeText[code]?.body ?? '',
              after: afterText[code]?.body ?? '',
            },
            {
              part: t('compare.callouts'),
              before: calloutLines(beforeText[code]),
              after: calloutLines(afterText[code]),
            },
            {
              part: t('steps.imageAlt'),
              before: beforeText[code]?.imageAlt ?? '',
              after: afterText[code]?.imageAlt ?? '',
            },
          ].map((part) => ({
            label: t('compare.partIn', { part: part.part, language: name(code) }),
            language: code,
            before: part.before,
            after: part.after,
          })),
        );
        if (beforeStep?.image?.id !== afterStep?.image?.id) {
          differences.push({
            label: t('compare.picture'),
            language: undefined,
            before: beforeStep?.image?.id ?? '',
            after: afterStep?.image?.id ?? '',
          });
        }
        const where =
          beforeIndex === -1
            ? t('compare.onlyIn', { label: afterLabel })
            : afterIndex === -1
              ? t('compare.onlyIn', { label: beforeLabel })
              : beforeIndex !== afterIndex
                ? t('compare.movedFrom', { from: beforeIndex + 1, to: afterIndex + 1 })
                : undefined;
        return (
          <DifferenceTable
            key={id}
            caption={t('compare.step', {
              number: (afterIndex === -1 ? beforeIndex : afterIndex) + 1,
              title,
            })}
            note={where}
            differences={differences.filter((difference) => difference.before !== difference.after)}
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
          />
        );
      })}
    </div>
  );
}

function DifferenceTable({
  caption,
  note,
  differences,
  beforeLabel,
  afterLabel,
}: {
  caption: string;
  note?: string | undefined;
  differences: Difference[];
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation('editor');
  return (
    <section className="editor-comparison-part">
      <h4>{caption}</h4>
      {note && <p>{note}</p>}
      {differences.length === 0 ? (
        <p className="editor-hint">{t('compare.same')}</p>
      ) : (
        <div className="editor-table-scroll">
          <table className="editor-table editor-diff-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.part')}</th>
                <th scope="col">{beforeLabel}</th>
                <th scope="col">{afterLabel}</th>
              </tr>
            </thead>
            <tbody>
              {differences.map((difference) => {
                const dir = difference.language
                  ? languageByCode(difference.language).dir
                  : undefined;
                return (
                  <tr key={difference.label}>
                    <th scope="row">{difference.label}</th>
                    <td lang={difference.language} dir={dir} className="editor-diff-text">
                      <WordDiff before={difference.before} after={difference.after} side="before" />
                    </td>
                    <td lang={difference.language} dir={dir} className="editor-diff-text">
                      <WordDiff before={difference.before} after={difference.after} side="after" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
