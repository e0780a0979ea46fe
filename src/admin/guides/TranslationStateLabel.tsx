import { useTranslation } from 'react-i18next';
import type { LanguageTranslationStatus } from '../../shared/api/guide-editing.ts';

const ICONS = { missing: '○', incomplete: '◐', outdated: '⚠', current: '✓' } as const;

/** A language's state in words, with an icon beside (never colour alone). */
export function TranslationStateLabel({ status }: { status: LanguageTranslationStatus }) {
  const { t } = useTranslation('editor');
  const words =
    status.state === 'incomplete'
      ? t('translation.states.incomplete', { count: status.missingParts.length })
      : status.state === 'outdated'
        ? t('translation.states.outdated', { count: status.outdatedParts.length })
        : t(`translation.states.${status.state}`);
  return (
    <span className={`editor-state editor-state-${status.state}`}>
      <span aria-hidden="true">{ICONS[status.state]} </span>
      {words}
      {status.machineDrafted && (
        <span className="editor-state-machine">
          <span aria-hidden="true">⚙ </span>
          {t('translation.machineDrafted')}
        </span>
      )}
    </span>
  );
}
