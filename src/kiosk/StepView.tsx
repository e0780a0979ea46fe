import type { Ref } from 'react';
import type { Step } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { CalloutBox } from './CalloutBox.tsx';
import { stepTextIn } from '../shared/content/guide-language.ts';
import { languageByCode } from '../shared/languages.ts';
import { MarkupText, type SettingValues } from './MarkupText.tsx';
import { ReadAloudButton } from './read-aloud/ReadAloudButton.tsx';
import { StepPicture } from './StepPicture.tsx';

/**
 * One step of a guide, all of it in one language. The step's title is the
 * screen's heading on the kiosk; the admin preview, which shows the step
 * inside a page of its own, makes it a lower level. Both can read it aloud.
 */
export function StepView({
  step,
  language,
  settings,
  headingRef,
  headingLevel = 1,
}: {
  step: Step;
  language: LanguageCode;
  settings: SettingValues;
  headingRef: Ref<HTMLHeadingElement>;
  headingLevel?: 1 | 3;
}) {
  const text = stepTextIn(step, language);
  const Heading = headingLevel === 1 ? 'h1' : 'h3';
  return (
    <article className="step" lang={language} dir={languageByCode(language).dir}>
      <div className="step-words">
        <Heading className="step-title" ref={headingRef} tabIndex={-1}>
          {text.title}
        </Heading>
        <ReadAloudButton text={text} language={language} settings={settings} />
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
