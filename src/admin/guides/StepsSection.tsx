import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageTranslationStatus } from '../../shared/api/guide-editing.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { addStep, moveStep, removeStep, updateStep, type FieldProblems } from './draft-editing.ts';
import { MarkupHelp } from './MarkupHelp.tsx';
import { StepImageField } from './StepImageField.tsx';
import { StepLinkField } from './StepLinkField.tsx';
import { StepTextFields } from './StepTextFields.tsx';

const MAX_STEPS = 40;

/** The steps: each in two columns (Swedish, the chosen translation), added, moved and deleted. */
export function StepsSection({
  draft,
  setDraft,
  problems,
  language,
  translation,
}: {
  draft: GuideDraft;
  setDraft: (change: (draft: GuideDraft) => GuideDraft) => void;
  problems: FieldProblems;
  language: LanguageCode;
  translation: LanguageTranslationStatus | undefined;
}) {
  const { t } = useTranslation('editor');
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ stepId: string; up: boolean }>();

  useEffect(() => {
    if (!focusAfterMove) return;
    const { stepId, up } = focusAfterMove;
    const preferred = document.getElementById(`move-${up ? 'up' : 'down'}-${stepId}`);
    const other = document.getElementById(`move-${up ? 'down' : 'up'}-${stepId}`);
    const target =
      preferred instanceof HTMLButtonElement && !preferred.disabled ? preferred : other;
    target?.focus();
  }, [focusAfterMove, draft.steps]);

  const outdatedSteps = new Set(translation?.outdatedParts.map((part) => part.part));
  const total = draft.steps.length;

  const move = (index: number, up: boolean) => {
    const step = draft.steps[index];
    const to = up ? index - 1 : index + 1;
    if (!step || to < 0 || to >= total) return;
    setDraft((current) => moveStep(current, index, to));
    setFocusAfterMove({ stepId: step.id, up });
    setAnnouncement(
      t('steps.moved', {
        title: step.text[SOURCE_LANGUAGE]?.title || t('steps.untitled'),
        position: to + 1,
        total,
      }),
    );
  };

  return (
    <section className="editor-section" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('steps.heading')}</h2>
      <MarkupHelp />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ol className="editor-steps">
        {draft.steps.map((step, index) => {
          const number = index + 1;
          const headingId = `step-heading-${step.id}`;
          const swedishTitle = step.text[SOURCE_LANGUAGE]?.title;
          return (
            <li key={step.id} className="editor-step" aria-labelledby={headingId}>
              <div className="editor-step-top">
                <h3 id={headingId}>
                  {t('steps.stepHeading', {
                    number,
                    title: swedishTitle || t('steps.untitled'),
                  })}
                </h3>
                <div className="editor-step-actions">
                  <button
                    type="button"
                    id={`move-up-${step.id}`}
                    className="staff-button staff-button-small"
                    disabled={index === 0}
                    onClick={() => {
                      move(index, true);
                    }}
                  >
                    {t('steps.moveUp', { number })}
                  </button>
                  <button
                    type="button"
                    id={`move-down-${step.id}`}
                    className="staff-button staff-button-small"
                    disabled={index === total - 1}
                    onClick={() => {
                      move(index, false);
                    }}
                  >
                    {t('steps.moveDown', { number })}
                  </button>
                  <button
                    type="button"
                    className="staff-button staff-button-small editor-button-danger"
                    disabled={total === 1}
                    onClick={() => {
                      if (!window.confirm(t('steps.confirmDelete', { number }))) return;
                      setDraft((current) => removeStep(current, index));
                      setAnnouncement(t('steps.deleted', { number }));
                    }}
                  >
                    {t('steps.delete', { number })}
                  </button>
                </div>
              </div>
              <div className="editor-columns">
                {[SOURCE_LANGUAGE, language].map((code) => (
                  <StepTextFields
                    key={code}
                    step={step}
                    index={index}
                    language={code}
                    problems={problems}
                    outdated={code !== SOURCE_LANGUAGE && outdatedSteps.has(step.id)}
                    onChange={(changed) => {
                      setDraft((current) => updateStep(current, index, () => changed));
                    }}
                  />
                ))}
              </div>
              <StepImageField
                step={step}
                stepNumber={number}
                onChange={(change) => {
                  setDraft((current) => updateStep(current, index, change));
                }}
              />
              <StepLinkField
                step={step}
                index={index}
                problems={problems}
                onChange={(change) => {
                  setDraft((current) => updateStep(current, index, change));
                }}
              />
            </li>
          );
        })}
      </ol>
      {total < MAX_STEPS && (
        <button
          type="button"
          className="staff-button"
          onClick={() => {
            setDraft(addStep);
            setAnnouncement(t('steps.added', { number: total + 1 }));
          }}
        >
          {t('steps.add')}
        </button>
      )}
    </section>
  );
}
