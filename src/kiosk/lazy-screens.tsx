import {
  lazy,
  Suspense,
  useEffect,
  useState,
  type ComponentProps,
  type ComponentType,
} from 'react';
import type { GuidePlayer as GuidePlayerScreen } from './GuidePlayer.tsx';
import type { CallHelperDialog as CallHelperDialogScreen } from './help/CallHelperDialog.tsx';
import type { PairingResultDialog as PairingResultScreen } from './setup/PairingResultDialog.tsx';
import type { SetupDialog as SetupDialogScreen } from './setup/SetupDialog.tsx';
import type { StillHereDialog as StillHereDialogScreen } from './StillHereDialog.tsx';
import { ScreenLoadBoundary } from './ScreenLoadBoundary.tsx';

/**
 * The kiosk's screens and dialogs the start screen does not show, each in
 * its own chunk: a first visit downloads less before the start screen is
 * ready. The service worker precaches these chunks like the rest of the
 * kiosk, so they open offline; `preloadKioskScreens` fetches them once the
 * start screen is up, so opening one later is as quick as before.
 */
const loaders = {
  guidePlayer: () => import('./GuidePlayer.tsx'),
  callHelperDialog: () => import('./help/CallHelperDialog.tsx'),
  stillHereDialog: () => import('./StillHereDialog.tsx'),
  setupDialog: () => import('./setup/SetupDialog.tsx'),
  pairingResultDialog: () => import('./setup/PairingResultDialog.tsx'),
};

/**
 * A component from a lazily loaded chunk, rendered from the first time
 * `needed(props)` is true (a dialog: first opened), so a closed dialog costs
 * no download. Once preloaded it renders at once, as if bundled; before, it
 * shows nothing while its chunk loads (a moment, from the service worker's
 * cache). Each instance keeps the way it started, so it never remounts,
 * unless its chunk could not be loaded: then it offers to try again.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  needed: (props: Props) => boolean = () => true,
) {
  let loaded: ComponentType<Props> | undefined;
  const loadOnce = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const newLazy = () => lazy(async () => ({ default: await loadOnce() }));
  let Lazy = newLazy();
  function LazyComponent(props: Props) {
    const [Component, setComponent] = useState<ComponentType<Props> | null>(null);
    if (needed(props) && Component === null) setComponent(() => loaded ?? Lazy);
    if (Component === null) return null;
    const retry = () => {
      // React.lazy remembers a failed load; a new one asks the network (or the cache) again.
      if (!loaded) Lazy = newLazy();
      setComponent(() => loaded ?? Lazy);
    };
    return (
      <ScreenLoadBoundary onRetry={retry}>
        <Suspense fallback={null}>
          <Component {...props} />
        </Suspense>
      </ScreenLoadBoundary>
    );
  }
  return Object.assign(LazyComponent, { preload: loadOnce });
}

export const GuidePlayer = lazyComponent<ComponentProps<typeof GuidePlayerScreen>>(() =>
  loaders.guidePlayer().then((module) => module.GuidePlayer),
);
export const CallHelperDialog = lazyComponent<ComponentProps<typeof CallHelperDialogScreen>>(
  () => loaders.callHelperDialog().then((module) => module.CallHelperDialog),
  (props) => props.open,
);
export const StillHereDialog = lazyComponent<ComponentProps<typeof StillHereDialogScreen>>(
  () => loaders.stillHereDialog().then((module) => module.StillHereDialog),
  (props) => props.open,
);
export const SetupDialog = lazyComponent<ComponentProps<typeof SetupDialogScreen>>(
  () => loaders.setupDialog().then((module) => module.SetupDialog),
  (props) => props.open,
);
export const PairingResultDialog = lazyComponent<ComponentProps<typeof PairingResultScreen>>(
  () => loaders.pairingResultDialog().then((module) => module.PairingResultDialog),
  (props) => props.outcome !== null,
);

let preloading: Promise<void> | undefined;

/** Loads every lazily loaded screen in the background, once; one that fails loads when needed. */
export function preloadKioskScreens(): Promise<void> {
  preloading ??= Promise.all(
    [GuidePlayer, CallHelperDialog, StillHereDialog, SetupDialog, PairingResultDialog].map(
      (component) => component.preload().catch(() => undefined),
    ),
  ).then(() => undefined);
  return preloading;
}

/** After the start screen shows its guides, this long before the other screens are fetched. */
const PRELOAD_AFTER_MS = 3_000;

/** Preloads the other screens a little after `ready` (the guides are on screen): they never delay it. */
export function usePreloadKioskScreens(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void preloadKioskScreens(), PRELOAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [ready]);
}
