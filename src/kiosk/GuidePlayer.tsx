import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { contentLanguageFor, guideTextIn } from '../shared/content/guide-language.ts';
import { languageByCode } from '../shared/languages.ts';
import { languageNameFor } from './language-name.ts';
import { Icon } from './Icons.tsx';
import { GuideOnPhone } from './phone/GuideOnPhone.tsx';
import { guideOnPhoneUrl } from './phone/guide-on-phone-url.ts';
import { StepLinkCard } from './phone/StepLinkCard.tsx';
import type { SettingValues } from './MarkupText.tsx';
import { StepView } from './StepView.tsx';
import { useFocusOnChange } from './use-focus-on-change.ts';

export interface GuidePlayerProps {
  /** The guide as it was when the visitor opened it. */
  guide: Guide;
  visitorLanguage: LanguageCode;
  /** Shown instead when the guide is not in the visitor's language; Swedish when unset. */
  fallbackLanguage?: LanguageCode;
  settings: SettingValues;
  /** Where visitors' phones reach Lotsen, for "this guide on your phone"; null: this tablet's address. */
  publicUrl?: string | null;
  /** Back from the first step: to the list of guides. */
  onLeave: () => void;
  /** The 1-based step to open at (a deep link); the first when absent. */
  firstStep?: number;
  /** Done after the last step: to the start screen. */
  onFinish: () => void;
  /** The visitor moved to another step (1-based), e.g. for a help call to say where they are. */
  onStepChange?: (stepNumber: number) => void;
}

/** A guide, one step per screen, with big Back and Next buttons. */
export function GuidePlayer({
  guide,
  visitorLanguage,
  fallbackLanguage,
  settings,
  publicUrl = null,
  firstStep = 1,
  onLeave,
  onFinish,
  onStepChange,
}: GuidePlayerProps) {
  const { t } = useTranslation();
  const [stepIndex, setStepIndex] = useState(() =>
    Math.max(0, Math.min(firstStep, guide.steps.length) - 1),
  );
  const headingRef = useFocusOnChange<HTMLHeadingElement>(stepIndex);

  const language = contentLanguageFor(guide, visitorLanguage, fallbackLanguage);
  const total = guide.steps.length;
  const step = guide.steps[Math.min(stepIndex, total - 1)];
  const isLastStep = stepIndex >= total - 1;
  if (!step) return null;

  const goToStep = (index: number) => {
    setStepIndex(index);
    onStepChange?.(index + 1);
  };
  const goBack = () => {
    if (stepIndex === 0) onLeave();
    else goToStep(stepIndex - 1);
  };
  const goNext = () => {
    if (isLastStep) onFinish();
    else goToStep(stepIndex + 1);
  };

  return (
    <div className="player">
      {language !== visitorLanguage && (
        <p className="notice fallback-notice" role="note">
          <Icon name="translate" />
          <span>
            {t('fallback.notInYourLanguage', {
              language: languageNameFor(language, visitorLanguage),
            })}
          </span>
        </p>
      )}
      <div className="player-progress">
        <p className="player-guide-title" lang={language} dir={languageByCode(language).dir}>
          {guideTextIn(guide, language).title}
        </p>
        <p className="step-counter">{t('player.stepOf', { current: stepIndex + 1, total })}</p>
        <GuideOnPhone
          url={guideOnPhoneUrl({
            base: publicUrl ?? window.location.origin,
            guideId: guide.id,
            language,
            stepNumber: stepIndex + 1,
          })}
        />
        <div className="progress-track" aria-hidden="true">
          <div
            className="progress-fill"
            style={{ inlineSize: `${((stepIndex + 1) / total) * 100}%` }}
          />
        </div>
      </div>
      <StepView
        key={step.id}
        step={step}
        language={language}
        settings={settings}
        headingRef={headingRef}
      />
      {step.link && <StepLinkCard link={step.link} />}
      <div className="player-nav">
        <button type="button" className="button button-secondary button-large" onClick={goBack}>
          <Icon name="backward" className="icon-directional" />
          <span>{t('player.back')}</span>
        </button>
        <button type="button" className="button button-primary button-large" onClick={goNext}>
          <span>{isLastStep ? t('player.finish') : t('player.next')}</span>
          <Icon
            name={isLastStep ? 'done' : 'forward'}
            className={isLastStep ? undefined : 'icon-directional'}
          />
        </button>
      </div>
    </div>
  );
}
