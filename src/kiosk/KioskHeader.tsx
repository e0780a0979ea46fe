import { useTranslation } from 'react-i18next';
import type { Contrast } from './contrast.ts';
import { ContrastControl } from './ContrastControl.tsx';
import { Icon } from './Icons.tsx';
import { LotsenLogo } from './LotsenLogo.tsx';
import { useLongPress } from './setup/use-long-press.ts';
import type { TextSizeStep } from './text-size.ts';
import { TextSizeControl } from './TextSizeControl.tsx';

/** Staff hold the logo this long to reach the tablet's setup (with the branch's PIN, if any). */
const HOLD_FOR_SETUP_MS = 3_000;

/**
 * The same bar on every screen, every control in the same place: the way
 * home (or the name, on the start screen), the display controls (text size,
 * high contrast), and "Call a helper" at the end of the first line, where
 * it stays however the rest wraps (kiosk.css).
 */
export function KioskHeader({
  onStartScreen,
  textSize,
  contrast,
  onGoHome,
  onTextSizeChange,
  onContrastChange,
  onCallHelper,
  onLogoHeld,
}: {
  onStartScreen: boolean;
  textSize: TextSizeStep;
  contrast: Contrast;
  onGoHome: () => void;
  onTextSizeChange: (size: TextSizeStep) => void;
  onContrastChange: (contrast: Contrast) => void;
  onCallHelper: () => void;
  /** The hidden staff gesture: the logo held for three seconds. Not a control for visitors. */
  onLogoHeld: () => void;
}) {
  const { t } = useTranslation();
  const holdLogo = useLongPress(HOLD_FOR_SETUP_MS, onLogoHeld);
  return (
    <header className="kiosk-header">
      <div className="kiosk-header-start">
        {onStartScreen ? (
          <p className="brand" {...holdLogo}>
            <LotsenLogo />
            <span>{t('app.name')}</span>
          </p>
        ) : (
          <button type="button" className="button button-secondary" onClick={onGoHome}>
            <Icon name="home" />
            <span>{t('player.home')}</span>
          </button>
        )}
      </div>
      <div className="kiosk-display-controls">
        <TextSizeControl size={textSize} onChange={onTextSizeChange} />
        <ContrastControl contrast={contrast} onChange={onContrastChange} />
      </div>
      <button type="button" className="button call-helper" onClick={onCallHelper}>
        <Icon name="helper" />
        <span>{t('help.call')}</span>
      </button>
    </header>
  );
}
