import { useEffect, useReducer, useRef, useState } from 'react';
import { useKioskDevice } from '../browser/device/kiosk-device-hooks.ts';
import { pairingOf } from '../browser/device/kiosk-device-records.ts';
import { changeKioskLanguage } from '../browser/i18n/kiosk-i18n.ts';
import { useContentState, useGuides } from '../browser/local-db/content-hooks.ts';
import { callForHelp, cancelHelpCall, closeHelpCallPanel } from '../browser/outbox/kiosk-outbox.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../shared/languages.ts';
import { GuideList } from './GuideList.tsx';
import type { CallHelperMode } from './help/CallHelperDialog.tsx';
import { HelpCallPanel } from './help/HelpCallPanel.tsx';
import { useHelpCallView } from './help/use-help-call-view.ts';
import { useDeepLink } from './deep-link.ts';
import { KioskHeader } from './KioskHeader.tsx';
// Loaded when first needed (and preloaded once the start screen is up): not on the start route.
import {
  CallHelperDialog,
  GuidePlayer,
  PairingResultDialog,
  SetupDialog,
  StillHereDialog,
  usePreloadKioskScreens,
} from './lazy-screens.tsx';
import { navigate, START_SCREEN } from './kiosk-navigation.ts';
import { KIOSK_LOCKDOWN } from './phone/kiosk-lockdown.ts';
import { useReadingAloud } from './read-aloud/reading-aloud.ts';
import { useSetupLinks } from './setup/use-setup-links.ts';
import { startOver } from './start-over.ts';
import { StartScreen } from './StartScreen.tsx';
import { applyTextSize, DEFAULT_TEXT_SIZE, type TextSizeStep } from './text-size.ts';
import { applyContrast, clearContrast, defaultContrast, type Contrast } from './contrast.ts';
import {
  ANSWER_WITHIN_SECONDS,
  askIfStillThereAfterMs,
  useIdle,
  useInactivityTimer,
  useTimeLimit,
} from './use-activity.ts';
import './kiosk.css';

/** Nobody has touched the start screen for this long: safe to apply an app update. */
const QUIET_AT_START_MS = 60_000;

/**
 * The kiosk: start screen, a category's guides, a guide. Language and text
 * size belong to the visitor and live only here, in memory: when the kiosk
 * starts over, the visitor is forgotten.
 */
export function KioskApp({
  onSafeToReloadChange,
  onBetweenVisitorsChange,
  onStartOver,
}: {
  onSafeToReloadChange?: (safe: boolean) => void;
  /** True on the start screen: new guides may be applied then, never mid-guide or in a guide list. */
  onBetweenVisitorsChange?: (between: boolean) => void;
  /** The visitor has gone and the kiosk started over: the moment to apply pending updates. */
  onStartOver?: () => void;
}) {
  const [screen, dispatch] = useReducer(navigate, START_SCREEN);
  const [language, setLanguage] = useState<LanguageCode>(SOURCE_LANGUAGE);
  const [textSize, setTextSize] = useState<TextSizeStep>(DEFAULT_TEXT_SIZE);
  const [contrast, setContrast] = useState<Contrast>(defaultContrast);
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
  usePreloadKioskScreens(Boolean(content));

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
  useDeepLink(content && guides, (guide, link) => {
    if (link.language) chooseLanguage(link.language);
    guideStep.current = Math.min(link.step, guide.steps.length);
    dispatch({ type: 'openGuide', guide, step: guideStep.current });
  });

  /**
   * Everything the kiosk holds in memory about the visitor, back to how a new visitor finds
   * it. Visitor state added to KioskApp (e.g. high contrast) must be reset here too.
   */
  const forgetVisitorState = () => {
    dispatch({ type: 'goHome' });
    guideStep.current = 1;
    chooseLanguage(SOURCE_LANGUAGE);
    setTextSize(DEFAULT_TEXT_SIZE);
    setContrast(defaultContrast());
    setHelpOpen(false);
    setSetupOpen(false);
    clearPairingOutcome();
    setAskingIfStillThere(false);
  };
  const startOverForNextVisitor = () => {
    void startOver(forgetVisitorState).then(onStartOver);
  };

  const visitorPresent =
    screen.name !== 'start' ||
    language !== SOURCE_LANGUAGE ||
    textSize !== DEFAULT_TEXT_SIZE ||
    contrast !== defaultContrast() ||
    helpOpen ||
    setupOpen;
  // While the visitor waits for a helper they often stop touching the screen: starting over
  // then would throw away their guide and language just before staff arrive to help with it.
  // So no "Are you still there?" while a call is on its way or with staff (see
  // HOLD_START_OVER_AT_MOST_MS), nor while a step is read aloud or a clip plays: the
  // timer starts afresh when the call is over or the reading stops.
  const waitingForHelper = helpCall?.holdsStartOver ?? false;
  const readingAloud = useReadingAloud();
  const idleTiming = !waitingForHelper && !readingAloud;
  if (!idleTiming && askingIfStillThere) setAskingIfStillThere(false);
  useInactivityTimer(
    askIfStillThereAfterMs(content?.library.idleResetSeconds),
    () => {
      if (visitorPresent) setAskingIfStillThere(true);
    },
    undefined,
    idleTiming,
  );
  useTimeLimit(askingIfStillThere, ANSWER_WITHIN_SECONDS * 1000, startOverForNextVisitor);

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
  useEffect(() => {
    applyContrast(contrast);
    return clearContrast;
  }, [contrast]);

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
    <div className="kiosk" {...KIOSK_LOCKDOWN}>
      <KioskHeader
        onStartScreen={screen.name === 'start'}
        textSize={textSize}
        contrast={contrast}
        onGoHome={() => {
          dispatch({ type: 'goHome' });
        }}
        onTextSizeChange={setTextSize}
        onContrastChange={setContrast}
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
        {screen.name === 'start' && (
          // Drawn at once, welcome and languages first: the guides follow as the database opens.
          <StartScreen
            language={language}
            guides={!ready ? undefined : content ? guides : null}
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
            firstStep={screen.step}
            visitorLanguage={language}
            fallbackLanguage={library.fallbackLanguage}
            settings={library}
            publicUrl={library.publicUrl}
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
        open={askingIfStillThere}
        onStay={() => {
          setAskingIfStillThere(false);
        }}
        onStartOver={startOverForNextVisitor}
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
