import { useEffect, useId, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { kioskI18n } from '../../browser/i18n/kiosk-i18n.ts';
import { ImageSource } from '../../kiosk/image-source.tsx';
import type { SettingValues } from '../../kiosk/MarkupText.tsx';
import { StepLinkCard } from '../../kiosk/phone/StepLinkCard.tsx';
import { StepView } from '../../kiosk/StepView.tsx';
import { StepText, type Step } from '../../shared/content/guide.ts';
import type { DraftStep, GuideDraft } from '../../shared/content/guide-draft.ts';
import { LANGUAGES, languageByCode, type LanguageCode } from '../../shared/languages.ts';
import { serverImageUrl } from './guide-editing-api.ts';
import { languageLabel } from './language-labels.ts';
import { ProblemList } from './ProblemList.tsx';
import '../../kiosk/kiosk.css';

/** What {libraryName}, {infoDesk} and {transportApp} show in the preview: a small fixed example. */
export const EXAMPLE_SETTINGS: SettingValues = {
  libraryName: 'Stadsbiblioteket',
  infoDesk: 'informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
};

type PreviewStep = { ok: true; step: Step } | { ok: false; problems: string[] | undefined };

/** A draft step as the kiosk would get it in one language, or what is missing for that. */
function previewStep(step: DraftStep, language: LanguageCode): PreviewStep {
  const text = step.text[language];
  if (!text) return { ok: false, problems: undefined };
  const parsed = StepText.safeParse(text);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  }
  if (step.image && !parsed.data.imageAlt) {
    return {
      ok: false,
      problems: ['This step has a picture: describe it in words for visitors who cannot see it.'],
    };
  }
  const shown: Step = { id: step.id, text: { [language]: parsed.data } };
  if (step.image) shown.image = step.image;
  return { ok: true, step: shown };
}

/**
 * The draft as a visitor would see it, one step at a time, drawn by the
 * kiosk's own StepView inside the kiosk's styles and UI strings, in any
 * language; pictures come from the server.
 */
export function GuidePreview({
  draft,
  initialLanguage,
}: {
  draft: GuideDraft;
  initialLanguage: LanguageCode;
}) {
  const { t, i18n } = useTranslation('editor');
  const selectId = useId();
  const [language, setLanguage] = useState<LanguageCode>(initialLanguage);
  const [stepIndex, setStepIndex] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = draft.steps.length;
  const index = Math.min(stepIndex, total - 1);
  const step = draft.steps[index];
  const { dir } = languageByCode(language);

  useEffect(() => {
    // The callouts' words ("Tip", "Warning") in the preview's language, when the kiosk has it.
    void kioskI18n.loadLanguages(language);
  }, [language]);

  const shown = step ? previewStep(step, language) : undefined;

  return (
    <section className="editor-section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <div className="editor-field">
        <label htmlFor={selectId}>{t('preview.language')}</label>
        <select
          id={selectId}
          value={language}
          onChange={(event) => {
            setLanguage(event.target.value as LanguageCode);
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option.code} value={option.code}>
              {languageLabel(option.code, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <details className="editor-hint">
        <summary>{t('preview.settingsSummary')}</summary>
        <p>{t('preview.settings', EXAMPLE_SETTINGS)}</p>
      </details>
      <div className="editor-preview-nav">
        <button
          type="button"
          className="staff-button"
          disabled={index === 0}
          onClick={() => {
            setStepIndex(index - 1);
          }}
        >
          {t('preview.previous')}
        </button>
        <p role="status">{t('preview.stepOf', { number: index + 1, total })}</p>
        <button
          type="button"
          className="staff-button"
          disabled={index >= total - 1}
          onClick={() => {
            setStepIndex(index + 1);
          }}
        >
          {t('preview.next')}
        </button>
      </div>
      {shown && !shown.ok && (
        <div className="editor-notice" data-testid="preview-missing">
          <p>
            {shown.problems
              ? t('preview.incomplete', {
                  language: languageLabel(language, i18n.language),
                  number: index + 1,
                })
              : t('preview.notTranslated', {
                  language: languageLabel(language, i18n.language),
                  number: index + 1,
                })}
          </p>
          {shown.problems && <ProblemList problems={shown.problems} />}
        </div>
      )}
      {shown?.ok && (
        <div className="kiosk editor-preview" lang={language} dir={dir} data-testid="preview">
          <p className="player-guide-title">{draft.text[language]?.title}</p>
          <I18nextProvider i18n={kioskI18n}>
            <ImageSource serverUrl={serverImageUrl}>
              <StepView
                key={shown.step.id}
                step={shown.step}
                language={language}
                settings={EXAMPLE_SETTINGS}
                headingRef={headingRef}
                headingLevel={3}
              />
              {step?.link && <StepLinkCard link={step.link} language={language} />}
            </ImageSource>
          </I18nextProvider>
        </div>
      )}
    </section>
  );
}
