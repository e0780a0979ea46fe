import { useEffect, useReducer, useRef, useState } from 'react';
import { useKioskDevice } from '../browser/device/kiosk-device-hooks.ts';
import { pairingOf } from '../browser/device/kiosk-device-records.ts';
import { changeKioskLanguage } from '../browser/i18n/kiosk-i18n.ts';
import { useContentState, useGuides } from '../browser/local-db/content-hooks.ts';
import {
  callForHelp,
  cancelHelpCall,
  clearFinishedHelpCalls,
  closeHelpCallPanel,
} from '../browser/outbox/kiosk-outbox.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../shared/languages.ts';
import { GuideList } from './GuideList.tsx';
import { GuidePlayer } from './GuidePlayer.tsx';
import { CallHelperDialog, type CallHelperMode } from './help/CallHelperDialog.tsx';
import { HelpCallPanel } from './help/HelpCallPanel.tsx';
import { useHelpCallView } from './help/use-help-call-view.ts';
import { KioskHeader } from './KioskHeader.tsx';
import { navigate, START_SCREEN } from './kiosk-navigation.ts';
import { PairingResultDialog } from './setup/PairingResultDialog.tsx';
import { SetupDialog } from './setup/SetupDialog.tsx';
import { useSetupLinks } from './setup/use-setup-links.ts';
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
  onBetweenVisitorsChange,
}: {
  onSafeToReloadChange?: (safe: boolean) => void;
  /** True on the start screen: new guides may be applied then, never mid-guide or in a guide list. */
  onBetweenVisitorsChange?: (between: boolean) => void;
}) {
  const [screen, dispatch] = useReducer(navigate, START_SCREEN);
  const [language, setLanguage] = useState<LanguageCode>(SOURCE_LANGUAGE);
  const [textSize, setTextSize] = useState<TextSizeStep>(DEFAULT_TEXT_SIZE);
  const [helpOpen, setHelpOpen] = useState(false);
  const [askingIfStillThere, setAskingIfStillThere] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const latestLanguageChoice = useRef<LanguageCode>(SOURCE_LANGUAGE);
  /** The step (1-based) of the open guide, for a help call to say where the visitor is. */
  const guideStep = useRef(1);
  const content = useContentState();
  const guides = useGuides();
  const device = useKioskDevice();
  const helpCall = useHelpCallView();
  const { pairingOutcome, clearPairingOutcome } = useSetupLinks(() => {
    setSetupOpen(true);
  });

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
    // Calls that are over leave the panel; a call still on its way stays (and is still sent).
    clearFinishedHelpCalls().catch(console.error);
  };

  const visitorPresent =
    screen.name !== 'start' || language !== SOURCE_LANGUAGE || textSize !== DEFAULT_TEXT_SIZE;
  // While the visitor waits for a helper they often stop touching the screen: starting over
  // then would throw away their guide and language just before staff arrive to help with it.
  // So no "Are you still there?" while a call is on its way or with staff (see
  // HOLD_START_OVER_AT_MOST_MS); the timer starts afresh when the call is over.
  const waitingForHelper = helpCall?.holdsStartOver ?? false;
  useInactivityTimer(
    ASK_IF_STILL_THERE_MS,
    () => {
      if (visitorPresent) setAskingIfStillThere(true);
    },
    undefined,
    !waitingForHelper,
  );

  const quiet = useIdle(QUIET_AT_START_MS);
  const safeToReload =
    screen.name === 'start' && quiet && !helpOpen && !setupOpen && !waitingForHelper;
  useEffect(() => onSafeToReloadChange?.(safeToReload), [safeToReload, onSafeToReloadChange]);
  const betweenVisitors = screen.name === 'start';
  useEffect(
    () => onBetweenVisitorsChange?.(betweenVisitors),
    [betweenVisitors, onBetweenVisitorsChange],
  );

  useEffect(() => {
    applyTextSize(textSize);
  }, [textSize]);

  // undefined while the local database opens (a moment), null before the first sync ever finished.
  const ready = content !== undefined && guides !== undefined;
  const library = content?.library;
  const infoDesk = library?.infoDesk ?? device?.library?.infoDesk;
  const callInProgress =
    helpCall !== null && !['done', 'cancelled', 'refused'].includes(helpCall.stage);
  // A tablet nobody can send calls from does not take any: it says where to ask instead.
  const helpMode: CallHelperMode = callInProgress
    ? 'status'
    : pairingOf(device) === 'paired'
      ? 'call'
      : 'not-set-up';

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
        onLogoHeld={() => {
          setSetupOpen(true);
        }}
      />
      <HelpCallPanel
        view={helpCall}
        infoDesk={infoDesk}
        onCancel={cancelHelpCall}
        onClose={(callId) => {
          closeHelpCallPanel(callId).catch(console.error);
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
              guideStep.current = 1;
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
            onStepChange={(stepNumber) => {
              guideStep.current = stepNumber;
            }}
          />
        )}
      </main>
      <CallHelperDialog
        open={helpOpen}
        mode={helpMode}
        view={helpCall}
        infoDesk={infoDesk}
        onCall={async (needs) => {
          const inGuide = screen.name === 'guide';
          await callForHelp({
            guideId: inGuide ? screen.guide.id : null,
            stepNumber: inGuide ? guideStep.current : null,
            language,
            needs,
          });
        }}
        onCancel={cancelHelpCall}
        onClose={() => {
          setHelpOpen(false);
        }}
      />
      <StillHereDialog
        open={askingIfStillThere && !waitingForHelper}
        onStay={() => {
          setAskingIfStillThere(false);
        }}
        onNoAnswer={startOver}
      />
      <SetupDialog
        open={setupOpen}
        onClose={() => {
          setSetupOpen(false);
        }}
      />
      <PairingResultDialog outcome={pairingOutcome} onClose={clearPairingOutcome} />
    </div>
  );
}
