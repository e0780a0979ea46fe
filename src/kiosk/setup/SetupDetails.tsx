import { useTranslation } from 'react-i18next';
import { pairingOf } from '../../browser/device/kiosk-device-records.ts';
import type { StoredKioskDevice } from '../../browser/local-db/kiosk-db.ts';
import { useContentState } from '../../browser/local-db/content-hooks.ts';
import { useOutboxCounts } from '../../browser/outbox/outbox-hooks.ts';
import { PairingForm } from './PairingForm.tsx';

/** How the tablet stands: who it is, where, its pairing, its content, its calls. */
export function SetupDetails({ device }: { device: StoredKioskDevice | null }) {
  const { t } = useTranslation();
  const content = useContentState();
  const counts = useOutboxCounts();
  const unknown = t('setup.unknown');
  const pairing = pairingOf(device);
  const pairingText =
    pairing === 'paired'
      ? t('setup.paired')
      : pairing === 'unpaired'
        ? t('setup.unpaired')
        : device?.problem === 'device-revoked'
          ? t('setup.revoked')
          : t('setup.notPaired');

  const facts: [label: string, value: string, id: string][] = [
    [t('setup.name'), device?.device.name ?? unknown, 'name'],
    [t('setup.branch'), device?.device.branchName ?? unknown, 'branch'],
    [t('setup.location'), device?.device.location || unknown, 'location'],
    [t('setup.pairing'), pairingText, 'pairing'],
    // undefined while the database answers: unknown, not "no content".
    [
      t('setup.content'),
      content === undefined ? unknown : content ? String(content.release) : t('setup.noContent'),
      'content',
    ],
    [t('setup.waitingCalls'), counts ? String(counts.waitingToSend) : unknown, 'waiting-calls'],
    [t('setup.refusedCalls'), counts ? String(counts.refused) : unknown, 'refused-calls'],
  ];

  return (
    <>
      <dl className="setup-facts">
        {facts.map(([label, value, id]) => (
          <div key={id} className={`setup-fact setup-fact-${id}`}>
            <dt>{label}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      <PairingForm />
    </>
  );
}
