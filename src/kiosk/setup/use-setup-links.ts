import { useEffect, useEffectEvent, useState } from 'react';
import { pairThisTablet, type PairingOutcome } from '../../browser/device/pair-tablet.ts';
import {
  pairingCodeInUrl,
  removeFromAddress,
  setupAskedInUrl,
} from '../../browser/device/pairing-link.ts';

/** One pairing per code and page load, however often the component mounts (StrictMode mounts twice). */
const pairingsFromLinks = new Map<string, Promise<PairingOutcome>>();

function pairFromLink(code: string): Promise<PairingOutcome> {
  let pairing = pairingsFromLinks.get(code);
  if (!pairing) {
    pairing = pairThisTablet(code)
      .catch((): PairingOutcome => ({ status: 'failed', reason: 'network', message: '' }))
      .then((outcome) => {
        // Removed after the attempt, either way: the code works only once.
        removeFromAddress(['pair']);
        return outcome;
      });
    pairingsFromLinks.set(code, pairing);
  }
  return pairing;
}

/**
 * Staff's links to a tablet: `?pair=CODE` pairs it (and says how that went),
 * `?setup` opens the setup screen. Each is taken from the address once used.
 */
export function useSetupLinks(openSetup: () => void): {
  pairingOutcome: PairingOutcome | null;
  clearPairingOutcome: () => void;
} {
  const [pairingOutcome, setPairingOutcome] = useState<PairingOutcome | null>(null);
  const askForSetup = useEffectEvent(openSetup);

  useEffect(() => {
    const href = window.location.href;
    if (setupAskedInUrl(href)) {
      removeFromAddress(['setup']);
      askForSetup();
    }
    const code = pairingCodeInUrl(href);
    if (code === null) return;
    let current = true;
    void pairFromLink(code).then((outcome) => {
      if (current) setPairingOutcome(outcome);
    });
    return () => {
      current = false;
    };
    // Only at start: the links are for the page as it was opened.
  }, []);

  return {
    pairingOutcome,
    clearPairingOutcome: () => {
      setPairingOutcome(null);
    },
  };
}
