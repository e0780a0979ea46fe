import { useTranslation } from 'react-i18next';
import { Icon, type ControlIconName } from '../Icons.tsx';
import type { HelpCallStage, HelpCallView } from './help-call-view.ts';
import { InfoDeskHint } from './InfoDeskHint.tsx';

const STAGES = {
  sending: { key: 'help.status.sending', icon: 'clock' },
  saved: { key: 'help.status.saved', icon: 'clock' },
  told: { key: 'help.status.told', icon: 'helper' },
  coming: { key: 'help.status.coming', icon: 'helper' },
  done: { key: 'help.status.done', icon: 'done' },
  cancelled: { key: 'help.status.cancelled', icon: 'close' },
  'cannot-send': { key: 'help.status.cannotSend', icon: 'warning' },
  refused: { key: 'help.status.refused', icon: 'warning' },
} as const satisfies Record<HelpCallStage, { key: string; icon: ControlIconName }>;

/** The truth about the call in one sentence, and where else to ask when that is needed. */
export function HelpCallWords({
  view,
  infoDesk,
}: {
  view: HelpCallView;
  infoDesk: string | undefined;
}) {
  const { t } = useTranslation();
  const stage = STAGES[view.stage];
  // While the call may still reach staff, the desk is an extra; when it cannot, it is the way.
  const stillGoing = view.stage === 'sending' || view.stage === 'saved';
  return (
    <>
      <p className="help-call-message with-icon">
        <Icon name={stage.icon} />
        <span>{t(stage.key)}</span>
      </p>
      {view.suggestInfoDesk && (
        <p className="help-call-hint">
          <InfoDeskHint infoDesk={infoDesk} also={stillGoing} />
        </p>
      )}
    </>
  );
}
