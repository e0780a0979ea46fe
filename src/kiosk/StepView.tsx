import type { Ref } from 'react';
import type { Step } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { CalloutBox } from './CalloutBox.tsx';
import { stepTextIn } from '../shared/content/guide-language.ts';
import { languageByCode } from '../shared/languages.ts';
import { MarkupText, type SettingValues } from './MarkupText.tsx';
import { StepPicture } from './StepPicture.tsx';

/** One step of a guide, all of it in one language. */
export function StepView({
  step,
  language,
  settings,
  headingRef,
}: {
  step: Step;
  language: LanguageCode;
  settings: SettingValues;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const text = stepTextIn(step, language);
  return (
    <article className="step" lang={language} dir={languageByCode(language).dir}>
      <div className="step-words">
        <h1 className="step-title" ref={headingRef} tabIndex={-1}>
          {text.title}
        </h1>
        <div className="step-body">
          <MarkupText source={text.body} settings={settings} />
        </div>
        {text.callouts.map((callout, index) => (
          <CalloutBox key={index} callout={callout} language={language} settings={settings} />
        ))}
      </div>
      {step.image && <StepPicture image={step.image} alt={text.imageAlt ?? ''} />}
    </article>
  );
}
