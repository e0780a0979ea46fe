import { useEffect, useReducer, useRef, useState } from 'react';
import { changeKioskLanguage } from '../browser/i18n/kiosk-i18n.ts';
import { useContentState, useGuides } from '../browser/local-db/content-hooks.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../shared/languages.ts';
import { CallHelperDialog } from './CallHelperDialog.tsx';
import { GuideList } from './GuideList.tsx';
import { GuidePlayer } from './GuidePlayer.tsx';
import { KioskHeader } from './KioskHeader.tsx';
import { navigate, START_SCREEN } from './kiosk-navigation.ts';
import { StartScreen } from './StartScreen.tsx';
import { StillHereDialog } from './StillHereDialog.tsx';
import { applyTextSize, DEFAULT_TEXT_SIZE, type TextSizeStep } from './text-size.ts';
import { useIdle, useInactivityTimer } from './use-activity.ts';
import './kiosk.css';

/** Nobody has touched the start screen for this long: safe to apply an app update. */
const QUIET_AT_START_MS = 60_000;
/** Nobody has touched a visitor's screen for this long: ask whether they are still there. */
const ASK_IF_STILL_THERE_MS = 4 * 60_000;

/**
 * The kiosk: start screen, a category's guides, a guide. Language and text
 * size belong to the visitor and live only here, in memory: when the kiosk
 * starts over, the visitor is forgotten.
 */
export function KioskApp({
  onSafeToReloadChange,
}: {
  onSafeToReloadChange?: (safe: boolean) => void;
}) {
  const [screen, dispatch] = useReducer(navigate, START_SCREEN);
  const [language, setLanguage] = useState<LanguageCode>(SOURCE_LANGUAGE);
  const [textSize, setTextSize] = useState<TextSizeStep>(DEFAULT_TEXT_SIZE);
  const [helpOpen, setHelpOpen] = useState(false);
  const [askingIfStillThere, setAskingIfStillThere] = useState(false);
  const latestLanguageChoice = useRef<LanguageCode>(SOURCE_LANGUAGE);
  const content = useContentState();
  const guides = useGuides();

  const chooseLanguage = (code: LanguageCode) => {
    latestLanguageChoice.current = code;
    // Switch words and guides together, once the language's strings are loaded.
    changeKioskLanguage(code).then(
      () => {
        if (latestLanguageChoice.current === code) setLanguage(code);
      },
      (error: unknown) => {
        console.error(`Could not switch the kiosk to ${code}`, error);
      },
    );
  };

  const startOver = () => {
    dispatch({ type: 'goHome' });
    setHelpOpen(false);
    setAskingIfStillThere(false);
    setTextSize(DEFAULT_TEXT_SIZE);
    chooseLanguage(SOURCE_LANGUAGE);
  };

  const visitorPresent =
    screen.name !== 'start' || language !== SOURCE_LANGUAGE || textSize !== DEFAULT_TEXT_SIZE;
  useInactivityTimer(ASK_IF_STILL_THERE_MS, () => {
    if (visitorPresent) setAskingIfStillThere(true);
  });

  const quiet = useIdle(QUIET_AT_START_MS);
  const safeToReload = screen.name === 'start' && quiet && !helpOpen;
  useEffect(() => onSafeToReloadChange?.(safeToReload), [safeToReload, onSafeToReloadChange]);

  useEffect(() => {
    applyTextSize(textSize);
  }, [textSize]);

  // undefined while the local database opens (a moment), null before the first sync ever finished.
  const ready = content !== undefined && guides !== undefined;
  const library = content?.library;

  return (
    <div className="kiosk">
      <KioskHeader
        onStartScreen={screen.name === 'start'}
        textSize={textSize}
        onGoHome={() => {
          dispatch({ type: 'goHome' });
        }}
        onTextSizeChange={setTextSize}
        onCallHelper={() => {
          setHelpOpen(true);
        }}
      />
      <main className="kiosk-main">
        {ready && screen.name === 'start' && (
          <StartScreen
            language={language}
            guides={content ? guides : null}
            onChooseLanguage={chooseLanguage}
            onOpenCategory={(category) => {
              dispatch({ type: 'openCategory', category });
            }}
          />
        )}
        {ready && screen.name === 'guideList' && (
          <GuideList
            category={screen.category}
            guides={guides}
            visitorLanguage={language}
            fallbackLanguage={library?.fallbackLanguage}
            onOpen={(guide) => {
              dispatch({ type: 'openGuide', guide });
            }}
          />
        )}
        {screen.name === 'guide' && library && (
          <GuidePlayer
            key={screen.guide.id}
            guide={screen.guide}
            visitorLanguage={language}
            fallbackLanguage={library.fallbackLanguage}
            settings={library}
            onLeave={() => {
              dispatch({ type: 'backToGuideList' });
            }}
            onFinish={() => {
              dispatch({ type: 'goHome' });
            }}
          />
        )}
      </main>
      <CallHelperDialog
        open={helpOpen}
        infoDesk={library?.infoDesk}
        onClose={() => {
          setHelpOpen(false);
        }}
      />
      <StillHereDialog
        open={askingIfStillThere}
        onStay={() => {
          setAskingIfStillThere(false);
        }}
        onNoAnswer={startOver}
      />
    </div>
  );
}
