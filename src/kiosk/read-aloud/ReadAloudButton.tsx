import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepText } from '../../shared/content/guide.ts';
import { languageByCode, type LanguageCode } from '../../shared/languages.ts';
import { Icon } from '../Icons.tsx';
import { useStepMediaUrl } from '../image-source.tsx';
import type { SettingValues } from '../MarkupText.tsx';
import type { Narration } from './narration.ts';
import { playRecording } from './recording.ts';
import { speak, useVoiceFor } from './speech.ts';
import { stepSpeech } from './step-speech.ts';

/**
 * Reads the step aloud, or stops: with the tablet's voice for the step's
 * language, else with the recording an editor made of the step. Hidden when
 * the tablet has neither. Leaving the step (another step, the guide closing,
 * the kiosk starting over) stops it.
 */
export function ReadAloudButton({
  text,
  language,
  settings,
}: {
  text: StepText;
  language: LanguageCode;
  settings: SettingValues;
}) {
  // In the step's language, like the callouts' names: one step, one language.
  const { t } = useTranslation('kiosk', { lng: language });
  const voice = useVoiceFor(language);
  const swedishVoice = useVoiceFor('sv');
  const recordingUrl = useStepMediaUrl(text.audio?.id);
  const [reading, setReading] = useState(false);
  const narration = useRef<Narration | null>(null);

  useEffect(
    () => () => {
      narration.current?.stop();
    },
    [],
  );

  if (!voice && !recordingUrl) return null;

  const onEnd = () => {
    narration.current = null;
    setReading(false);
  };
  const start = () => {
    setReading(true);
    if (voice) {
      const stepIsSwedish = languageByCode(language).speechLang === languageByCode('sv').speechLang;
      const parts = stepSpeech(text, settings, (kind) => t(`callouts.${kind}`), {
        content: voice,
        swedish: stepIsSwedish ? voice : swedishVoice,
      });
      narration.current = speak(parts, onEnd);
    } else if (recordingUrl) {
      narration.current = playRecording(recordingUrl, onEnd);
    }
  };

  return (
    <button
      type="button"
      className="button read-aloud-button"
      aria-pressed={reading}
      onClick={() => {
        if (reading) narration.current?.stop();
        else start();
      }}
    >
      <Icon name={reading ? 'stopReading' : 'readAloud'} />
      <span>{reading ? t('readAloud.stop') : t('readAloud.start')}</span>
    </button>
  );
}
