import type { TFunction } from 'i18next';
import type { PairingOutcome } from '../../browser/device/pair-tablet.ts';

/** A pairing's outcome in plain words for the staff member holding the tablet. */
export function pairingWords(outcome: PairingOutcome, t: TFunction): string {
  if (outcome.status === 'paired') {
    return t('setup.result.paired', {
      name: outcome.device.name,
      branch: outcome.device.branchName,
    });
  }
  switch (outcome.reason) {
    case 'invalid-code':
      return t('setup.result.invalidCode');
    case 'wrong-code':
      return t('setup.result.wrongCode');
    case 'rate-limited':
      return t('setup.result.rateLimited');
    case 'network':
      return t('setup.result.network');
    case 'server':
      return t('setup.result.server');
  }
}
