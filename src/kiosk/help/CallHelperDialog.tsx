import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpNeed } from '../../shared/api/help-calls.ts';
import { Icon, type ControlIconName } from '../Icons.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
import type { HelpCallView } from './help-call-view.ts';
import { HelpCallWords } from './HelpCallWords.tsx';
import { InfoDeskHint } from './InfoDeskHint.tsx';
import './help-call.css';

/** Every need of the contract (a new one fails to compile here), in the order shown. */
const NEEDS = {
  'speaks-my-language': { key: 'help.needs.speaksMyLanguage', icon: 'speech' },
  'trouble-seeing': { key: 'help.needs.troubleSeeing', icon: 'eye' },
  'trouble-hearing': { key: 'help.needs.troubleHearing', icon: 'ear' },
} as const satisfies Record<HelpNeed, { key: string; icon: ControlIconName }>;
const NEED_ORDER = Object.keys(NEEDS) as HelpNeed[];

/**
 * - call: the tablet can call staff: optional needs and one big button;
 * - status: a call is on its way or with staff: how it stands, and Cancel;
 * - not-set-up: the tablet cannot call anyone (not paired): where to ask instead.
 */
export type CallHelperMode = 'call' | 'status' | 'not-set-up';

/**
 * What happens after "Call a helper". One tap on "Call a helper now" calls;
 * the needs above it are optional and go with that same call (a call cannot
 * be changed once sent, so they are asked first, never after).
 */
export function CallHelperDialog({
  open,
  mode,
  view,
  infoDesk,
  onCall,
  onCancel,
  onClose,
}: {
  open: boolean;
  mode: CallHelperMode;
  view: HelpCallView | null;
  /** The library's "where to ask" setting; unknown before the first sync. */
  infoDesk: string | undefined;
  /** Saves the call; rejects when it could not be saved. */
  onCall: (needs: HelpNeed[]) => Promise<void>;
  onCancel: (callId: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open, onClose);
  return (
    <dialog ref={ref} className="dialog call-helper-dialog" aria-labelledby="call-helper-title">
      <h2 id="call-helper-title" className="dialog-title with-icon">
        <Icon name="helper" />
        <span>{t('help.title')}</span>
      </h2>
      {/* Rendered only while open, so every opening starts with no needs chosen. */}
      {open && mode === 'call' && (
        <CallForm infoDesk={infoDesk} onCall={onCall} onClose={onClose} />
      )}
      {open && mode === 'status' && view && (
        <>
          <HelpCallWords view={view} infoDesk={infoDesk} />
          {view.canCancel && (
            <button
              type="button"
              className="button button-large"
              onClick={() => {
                void onCancel(view.callId);
              }}
            >
              <Icon name="close" />
              <span>{t('help.status.cancel')}</span>
            </button>
          )}
        </>
      )}
      {open && mode === 'not-set-up' && (
        <>
          <p>{t('help.notSetUp')}</p>
          <p className="dialog-emphasis">
            <InfoDeskHint infoDesk={infoDesk} />
          </p>
        </>
      )}
      {mode !== 'call' && (
        <button type="button" className="button button-primary button-large" onClick={onClose}>
          <Icon name="close" />
          <span>{t('help.close')}</span>
        </button>
      )}
    </dialog>
  );
}

function CallForm({
  infoDesk,
  onCall,
  onClose,
}: {
  infoDesk: string | undefined;
  onCall: (needs: HelpNeed[]) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [needs, setNeeds] = useState<HelpNeed[]>([]);
  const [saving, setSaving] = useState(false);
  const [notSaved, setNotSaved] = useState(false);

  const toggle = (need: HelpNeed) => {
    setNeeds((chosen) =>
      chosen.includes(need) ? chosen.filter((other) => other !== need) : [...chosen, need],
    );
  };
  const call = () => {
    if (saving) return; // a second tap while saving must not make a second call
    setSaving(true);
    setNotSaved(false);
    onCall(needs).then(onClose, () => {
      setSaving(false);
      setNotSaved(true);
    });
  };

  return (
    <>
      <p>{t('help.lead')}</p>
      <div className="help-needs" role="group" aria-labelledby="help-needs-title">
        <p id="help-needs-title" className="help-needs-title">
          {t('help.needsTitle')}
        </p>
        {NEED_ORDER.map((need) => (
          <button
            key={need}
            type="button"
            className="button need-toggle"
            aria-pressed={needs.includes(need)}
            onClick={() => {
              toggle(need);
            }}
          >
            <Icon name={NEEDS[need].icon} />
            <span>{t(NEEDS[need].key)}</span>
          </button>
        ))}
      </div>
      {notSaved && (
        <p className="help-not-saved" role="alert">
          {t('help.notSaved')} <InfoDeskHint infoDesk={infoDesk} />
        </p>
      )}
      <div className="call-helper-actions">
        <button
          type="button"
          className="button call-helper call-helper-now"
          aria-disabled={saving}
          onClick={call}
        >
          <Icon name="helper" />
          <span>{t('help.callNow')}</span>
        </button>
      </div>
      <button type="button" className="button button-large" onClick={onClose}>
        <Icon name="close" />
        <span>{t('help.close')}</span>
      </button>
    </>
  );
}
