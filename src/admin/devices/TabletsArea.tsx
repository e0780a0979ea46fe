import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { IssuedPairingCode, KioskDeviceDetails } from '../../shared/api/devices.ts';
import { fetchBranches, fetchDevices } from '../admin-api.ts';
import { ActionOutcome, type Outcome } from '../shell/ActionOutcome.tsx';
import { AdminPage } from '../shell/AdminPage.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { PairingCodePanel } from './PairingCodePanel.tsx';
import { TabletCard } from './TabletCard.tsx';
import { TabletForm } from './TabletForm.tsx';
import { tabletsByBranch } from './tablet-status.ts';

/** The library's tablets per branch: pairing, content, app version, and calls stuck on them. */
export function TabletsArea() {
  const { t, i18n } = useTranslation('admin');
  const devices = useAdminQuery(fetchDevices);
  const branches = useAdminQuery(fetchBranches);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedPairingCode>();
  const [outcome, setOutcome] = useState<Outcome>();

  const put = (device: KioskDeviceDetails) => {
    devices.update((list) =>
      list.some((known) => known.id === device.id)
        ? list.map((known) => (known.id === device.id ? device : known))
        : [...list, device],
    );
  };
  const showCode = (code: IssuedPairingCode) => {
    put(code.device);
    setAdding(false);
    setOutcome(undefined);
    setIssued(code);
  };

  const groups = devices.data
    ? tabletsByBranch(devices.data, i18n.resolvedLanguage ?? i18n.language)
    : [];
  const problem = devices.problem ?? branches.problem;

  return (
    <AdminPage
      title={t('tablets.title')}
      intro={t('tablets.intro')}
      actions={
        !adding &&
        branches.data &&
        branches.data.length > 0 && (
          <button
            type="button"
            className="staff-button staff-button-primary"
            onClick={() => {
              setIssued(undefined);
              setAdding(true);
            }}
          >
            {t('tablets.add')}
          </button>
        )
      }
    >
      {branches.data?.length === 0 && (
        <p className="staff-notice">
          {t('tablets.noBranches')} <Link href="/branches">{t('tablets.toBranches')}</Link>
        </p>
      )}
      {adding && branches.data && (
        <TabletForm
          branches={branches.data}
          onAdded={showCode}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}
      {issued && (
        <PairingCodePanel
          issued={issued}
          onClose={() => {
            setIssued(undefined);
          }}
        />
      )}
      <ActionOutcome outcome={outcome} />
      {problem && (
        <QueryProblem
          problem={problem}
          onRetry={() => {
            devices.reload();
            branches.reload();
          }}
        />
      )}
      {!devices.data && !problem && <p role="status">{t('app.loading')}</p>}
      {devices.data?.length === 0 && <p>{t('tablets.none')}</p>}
      {groups.map((group) => (
        <section
          key={group.branchId}
          className="tablet-branch"
          aria-labelledby={`tablets-${group.branchId}`}
        >
          <h2 id={`tablets-${group.branchId}`}>
            {t('tablets.branchHeading', { name: group.branchName, count: group.devices.length })}
          </h2>
          <ul className="admin-cards">
            {group.devices.map((device) => (
              <li key={device.id}>
                <TabletCard
                  device={device}
                  onChanged={(changed, done) => {
                    put(changed);
                    setOutcome({ done });
                  }}
                  onPairingCode={showCode}
                  onProblem={(failure) => {
                    setOutcome({ problem: failure });
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </AdminPage>
  );
}
