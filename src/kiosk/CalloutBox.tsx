import { useTranslation } from 'react-i18next';
import type { Callout } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { Icon } from './Icons.tsx';
import { MarkupText, type SettingValues } from './MarkupText.tsx';

/**
 * A tip, warning or privacy note inside a step. The kind is said with an
 * icon and a word, never by colour alone; the word is in the guide's
 * language so a step never mixes languages.
 */
export function CalloutBox({
  callout,
  language,
  settings,
}: {
  callout: Callout;
  language: LanguageCode;
  settings: SettingValues;
}) {
  const { t } = useTranslation('kiosk', { lng: language });
  return (
    <div className={`callout callout-${callout.kind}`} role="note">
      <p className="callout-heading">
        <Icon name={callout.kind} />
        <strong>{t(`callouts.${callout.kind}`)}</strong>
      </p>
      <MarkupText source={callout.text} settings={settings} />
    </div>
  );
}
