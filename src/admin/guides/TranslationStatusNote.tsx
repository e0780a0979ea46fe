import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GuideEditorState,
  LanguageTranslationStatus,
  TranslationPart,
} from '../../shared/api/guide-editing.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { confirmTranslation, conflictOf } from './guide-editing-api.ts';
import { languageLabel } from './language-labels.ts';
import { TranslationStateLabel } from './TranslationStateLabel.tsx';

/** "The guide's title" or "Step 3", as the coverage lists name parts. */
export function usePartName() {
  const { t } = useTranslation('editor');
  return (part: TranslationPart) =>
    part.stepNumber === 0
      ? t('translation.guidePart')
      : t('translation.stepPart', { number: part.stepNumber });
}

/**
 * How the chosen translation stands against today's Swedish; for an
 * outdated one, which parts changed, and "Translation checked: still correct".
 */
export function TranslationStatusNote({
  state,
  language,
  unsaved,
  onChanged,
  onConflict,
}: {
  state: GuideEditorState;
  language: LanguageCode;
  unsaved: boolean;
  onChanged: (state: GuideEditorState) => void;
  onConflict: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const partName = usePartName();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiRequestError>();
  const status: LanguageTranslationStatus | undefined = state.translations.find(
    (entry) => entry.language === language,
  );
  if (!status) return null;

  const confirm = () => {
    setBusy(true);
    setProblem(undefined);
    confirmTranslation(state.id, language, state.revision).then(
      (next) => {
        setBusy(false);
        onChanged(next);
      },
      (error: unknown) => {
        setBusy(false);
        if (conflictOf(error)) onConflict(error);
        else setProblem(asApiRequestError(error));
      },
    );
  };

  return (
    <div className="editor-notice editor-translation-status">
      <p>
        {t('translation.statusFor', { language: languageLabel(language, i18n.language) })}{' '}
        <TranslationStateLabel status={status} />
      </p>
      {status.state === 'incomplete' && (
        <p>
          {t('translation.missingParts', {
            parts: status.missingParts.map(partName).join(', '),
          })}
        </p>
      )}
      {status.state === 'outdated' && (
        <>
          <p>
            {t('translation.outdatedParts', {
              parts: status.outdatedParts.map(partName).join(', '),
            })}
          </p>
          {unsaved && <p>{t('translation.saveFirst')}</p>}
          <button
            type="button"
            className="staff-button"
            disabled={busy || unsaved}
            onClick={confirm}
          >
            {t('translation.confirm')}
          </button>
        </>
      )}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
    </div>
  );
}
