import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedPairingCode, KioskDeviceDetails } from '../../shared/api/devices.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { issuePairingCode, revokeDevice } from '../admin-api.ts';
import { ConfirmAction } from '../shell/ConfirmAction.tsx';
import { TimeAgo } from '../shell/TimeAgo.tsx';
import { contentStatus, pairingStatus } from './tablet-status.ts';
import { TabletForm } from './TabletForm.tsx';

/** One tablet: whether it is paired, whether it shows the newest guides, and calls stuck on it. */
export function TabletCard({
  device,
  onChanged,
  onPairingCode,
  onProblem,
}: {
  device: KioskDeviceDetails;
  onChanged: (device: KioskDeviceDetails, done: string) => void;
  onPairingCode: (issued: IssuedPairingCode) => void;
  onProblem: (problem: ApiRequestError) => void;
}) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState(false);
  const status = pairingStatus(device);
  const content = contentStatus(device);
  const pending = device.report?.pendingCalls ?? 0;
  const failed = (error: unknown) => {
    onProblem(asApiRequestError(error));
  };

  if (editing) {
    return (
      <TabletForm
        device={device}
        onChanged={(changed) => {
          setEditing(false);
          onChanged(changed, t('tablets.saved', { name: changed.name }));
        }}
        onCancel={() => {
          setEditing(false);
        }}
      />
    );
  }

  return (
    <article
      className={`admin-card tablet tablet-${status}`}
      aria-labelledby={`tablet-${device.id}`}
    >
      <div className="tablet-top">
        <h3 id={`tablet-${device.id}`}>{device.name}</h3>
        <span className={`admin-badge badge-${status}`}>{t(`tablets.status.${status}`)}</span>
      </div>
      <dl className="staff-facts">
        <div>
          <dt>{t('tablets.location')}</dt>
          <dd>{device.location || t('tablets.noLocation')}</dd>
        </div>
        <div>
          <dt>{t('tablets.branch')}</dt>
          <dd>{device.branchName}</dd>
        </div>
        <div>
          <dt>{t('tablets.content')}</dt>
          <dd className={content.state === 'behind' ? 'tablet-behind' : undefined}>
            {content.state === 'neverSynced' && t('tablets.neverSynced')}
            {content.state === 'upToDate' && t('tablets.upToDate')}
            {content.state === 'behind' &&
              t('tablets.behind', { release: content.release, latest: content.latest })}
          </dd>
        </div>
        <div>
          <dt>{t('tablets.appVersion')}</dt>
          <dd>{device.report?.appVersion ?? t('tablets.unknown')}</dd>
        </div>
        <div>
          <dt>{t('tablets.lastContact')}</dt>
          <dd>{device.lastSeenAt ? <TimeAgo iso={device.lastSeenAt} /> : t('tablets.never')}</dd>
        </div>
        <div>
          <dt>{t('tablets.pendingCalls')}</dt>
          <dd>
            {pending > 0 ? (
              <strong className="admin-badge badge-attention">
                {t('tablets.pendingWaiting', { count: pending })}
              </strong>
            ) : (
              t('tablets.pendingNone')
            )}
          </dd>
        </div>
      </dl>
      <div className="admin-actions">
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            issuePairingCode(device.id).then(onPairingCode, failed);
          }}
        >
          {t('tablets.newCode')}
        </button>
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            setEditing(true);
          }}
        >
          {t('tablets.edit')}
        </button>
        {status !== 'revoked' && (
          <ConfirmAction
            label={t('tablets.revoke')}
            question={t('tablets.revokeQuestion', { name: device.name })}
            confirmLabel={t('tablets.revokeConfirm')}
            onConfirm={() => {
              revokeDevice(device.id).then((revoked) => {
                onChanged(revoked, t('tablets.revoked', { name: revoked.name }));
              }, failed);
            }}
          />
        )}
      </div>
    </article>
  );
}
