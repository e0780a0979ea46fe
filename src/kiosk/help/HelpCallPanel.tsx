import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icons.tsx';
import type { HelpCallStage, HelpCallView } from './help-call-view.ts';
import { HelpCallWords } from './HelpCallWords.tsx';
import './help-call.css';

const TONES: Record<HelpCallStage, 'waiting' | 'good' | 'problem'> = {
  sending: 'waiting',
  saved: 'waiting',
  told: 'good',
  coming: 'good',
  done: 'good',
  cancelled: 'waiting',
  'cannot-send': 'problem',
  refused: 'problem',
};

/**
 * The call's status under the header, on every screen, for as long as there
 * is something to say. The status element is always in the page (empty when
 * there is no call), so screen readers announce each change politely.
 */
export function HelpCallPanel({
  view,
  infoDesk,
  onCancel,
  onClose,
}: {
  view: HelpCallView | null;
  infoDesk: string | undefined;
  onCancel: (callId: string) => Promise<void>;
  onClose: (callId: string) => void;
}) {
  const { t } = useTranslation();
  const wordsRef = useRef<HTMLDivElement>(null);
  return (
    <section
      className={view ? `help-call-panel help-call-${TONES[view.stage]}` : 'help-call-panel-empty'}
      aria-label={view ? t('help.title') : undefined}
    >
      <div ref={wordsRef} role="status" className="help-call-words" tabIndex={-1}>
        {view && <HelpCallWords view={view} infoDesk={infoDesk} />}
      </div>
      {view && (view.canCancel || view.canClose) && (
        <div className="help-call-actions">
          {view.canCancel && (
            <button
              type="button"
              className="button"
              onClick={() => {
                // The button goes away with the call: keep focus on the news, not on nothing.
                void onCancel(view.callId).finally(() => wordsRef.current?.focus());
              }}
            >
              <Icon name="close" />
              <span>{t('help.status.cancel')}</span>
            </button>
          )}
          {view.canClose && (
            <button
              type="button"
              className="button"
              onClick={() => {
                onClose(view.callId);
              }}
            >
              <Icon name="close" />
              <span>{t('help.status.close')}</span>
            </button>
          )}
        </div>
      )}
    </section>
  );
}
