import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryBranch } from '../../shared/api/administration.ts';
import {
  KioskDeviceLocation,
  KioskDeviceName,
  type IssuedPairingCode,
  type KioskDeviceChange,
  type KioskDeviceDetails,
} from '../../shared/api/devices.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { changeDevice, createDevice } from '../admin-api.ts';
import { Field, FormProblems } from '../shell/form-fields.tsx';

type Props =
  | {
      /** A new tablet: it is added with a pairing code. */
      branches: readonly LibraryBranch[];
      device?: undefined;
      onAdded: (issued: IssuedPairingCode) => void;
      onChanged?: undefined;
      onCancel: () => void;
    }
  | {
      /** Renaming or moving a tablet (its branch stays: pair it anew to move it elsewhere). */
      branches?: undefined;
      device: KioskDeviceDetails;
      onAdded?: undefined;
      onChanged: (device: KioskDeviceDetails) => void;
      onCancel: () => void;
    };

/** A tablet's name and where staff find it; for a new one, also its branch. */
export function TabletForm(props: Props) {
  const { t } = useTranslation('admin');
  const { device, branches } = props;
  const [name, setName] = useState(device?.name ?? '');
  const [location, setLocation] = useState(device?.location ?? '');
  const [branchId, setBranchId] = useState(branches?.[0]?.id ?? 0);
  const [errors, setErrors] = useState<{ name?: string; location?: string }>({});
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const failed = (error: unknown) => {
    setProblem(asApiRequestError(error));
    setBusy(false);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = {
      name: KioskDeviceName.safeParse(name).success ? undefined : t('tablets.errors.name'),
      location: KioskDeviceLocation.safeParse(location).success
        ? undefined
        : t('tablets.errors.location'),
    };
    setErrors(found);
    setProblem(undefined);
    if (found.name ?? found.location) return;
    if (props.device) {
      const change: KioskDeviceChange = {};
      if (name.trim() !== props.device.name) change.name = name.trim();
      if (location.trim() !== props.device.location) change.location = location.trim();
      if (change.name === undefined && change.location === undefined) {
        props.onCancel();
        return;
      }
      setBusy(true);
      changeDevice(props.device.id, change).then(props.onChanged, failed);
    } else {
      setBusy(true);
      createDevice({ name: name.trim(), branchId, location: location.trim() }).then(
        props.onAdded,
        failed,
      );
    }
  };

  return (
    <form className="admin-form admin-card" noValidate onSubmit={submit}>
      <h2>{device ? t('tablets.editTitle', { name: device.name }) : t('tablets.addTitle')}</h2>
      <Field label={t('tablets.name')} hint={t('tablets.nameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        )}
      </Field>
      {branches && (
        <Field label={t('tablets.branch')}>
          {(control) => (
            <select
              {...control}
              value={branchId}
              onChange={(event) => {
                setBranchId(Number(event.target.value));
              }}
            >
              {branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('tablets.location')} hint={t('tablets.locationHint')} error={errors.location}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={location}
            onChange={(event) => {
              setLocation(event.target.value);
            }}
          />
        )}
      </Field>
      <FormProblems problem={problem} errors={[errors.name, errors.location]} />
      <div className="admin-actions">
        <button
          type="submit"
          className="staff-button staff-button-primary"
          aria-disabled={busy || undefined}
        >
          {device ? t('common.save') : t('tablets.addSubmit')}
        </button>
        <button type="button" className="staff-button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
