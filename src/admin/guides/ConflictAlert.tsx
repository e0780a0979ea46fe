import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideConflict } from '../../shared/api/guide-editing.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { GuideComparison } from './GuideComparison.tsx';
import { formatTime } from './language-labels.ts';

/**
 * Someone else saved the guide while this editor worked on it. Nothing is
 * lost: this editor's words stay in the form until they choose to keep
 * them (saved over the other draft) or to take the other draft instead.
 */
export function ConflictAlert({
  conflict,
  mine,
  busy,
  onKeepMine,
  onUseTheirs,
}: {
  conflict: GuideConflict;
  mine: GuideDraft;
  busy: boolean;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const ref = useRef<HTMLDivElement>(null);
  const { current } = conflict;

  useEffect(() => {
    ref.current?.focus();
  }, [current.revision]);

  return (
    <div className="editor-alert editor-conflict" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('conflict.heading')}</h2>
      <p>
        {t('conflict.message', {
          by: current.savedBy,
          at: formatTime(current.savedAt, i18n.language),
        })}
      </p>
      <div className="editor-actions">
        <button
          type="button"
          className="staff-button staff-button-primary"
          disabled={busy}
          onClick={onKeepMine}
        >
          {t('conflict.keepMine')}
        </button>
        <button
          type="button"
          className="staff-button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('conflict.confirmUseTheirs'))) onUseTheirs();
          }}
        >
          {t('conflict.useTheirs')}
        </button>
      </div>
      <details>
        <summary>{t('conflict.showDifferences')}</summary>
        <GuideComparison
          before={current.draft}
          after={mine}
          beforeLabel={t('conflict.theirs', { by: current.savedBy })}
          afterLabel={t('conflict.mine')}
        />
      </details>
    </div>
  );
}
