import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftStep } from '../../shared/content/guide-draft.ts';
import type { StepAudio } from '../../shared/content/guide.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import { updateStepText } from './draft-editing.ts';
import { serverImageUrl, uploadAudio } from './guide-editing-api.ts';
import { languageLabel } from './language-labels.ts';
import { MediaUpload } from './MediaUpload.tsx';

/** The step with `language`'s recording set, or removed (a language left with no words goes). */
function withAudio(step: DraftStep, language: LanguageCode, audio: StepAudio | undefined) {
  const { audio: _previous, ...words } = step.text[language] ?? {
    title: '',
    body: '',
    callouts: [],
  };
  const text = { ...step.text, [language]: audio ? { ...words, audio } : words };
  return updateStepText({ ...step, text }, language, {});
}

/**
 * One language's recording of a step read aloud, for tablets with no speech
 * voice for it: upload, listen, replace, remove. Saved with the draft.
 */
export function StepAudioField({
  step,
  index,
  language,
  onChange,
}: {
  step: DraftStep;
  index: number;
  language: LanguageCode;
  onChange: (step: DraftStep) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const hintId = useId();
  // An upload finishes later: it changes the step as it is then, not as it was when it began.
  const latest = useRef({ step, onChange });
  useEffect(() => {
    latest.current = { step, onChange };
  });

  const audio = step.text[language]?.audio;
  const names = { number: index + 1, language: languageLabel(language, i18n.language) };

  return (
    <fieldset className="editor-callout editor-audio">
      <legend>{t('audio.heading')}</legend>
      <p className="editor-hint" id={hintId}>
        {t('audio.hint')}
      </p>
      {audio && (
        <audio
          controls
          preload="metadata"
          src={serverImageUrl(audio.id)}
          aria-label={t('audio.preview', names)}
        />
      )}
      <MediaUpload
        label={audio ? t('audio.replace', names) : t('audio.upload', names)}
        accept="audio/*"
        describedBy={hintId}
        uploadingText={t('audio.uploading')}
        upload={uploadAudio}
        onUploaded={(uploaded) => {
          const current = latest.current;
          current.onChange(withAudio(current.step, language, { id: uploaded.id }));
        }}
      />
      {audio && (
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            onChange(withAudio(step, language, undefined));
          }}
        >
          {t('audio.remove', names)}
        </button>
      )}
    </fieldset>
  );
}
