import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../shared/api/accounts.ts';
import type { StaffAccount } from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { changeRole, removeUser } from '../admin-api.ts';
import { ConfirmAction } from '../shell/ConfirmAction.tsx';
import { TimeAgo } from '../shell/TimeAgo.tsx';
import { ResetPasswordForm } from './ResetPasswordForm.tsx';

/** One account: its role (changeable), when it was last used, and the ways to reset or remove it. */
export function UserRow({
  account,
  onChanged,
  onRemoved,
  onProblem,
}: {
  account: StaffAccount;
  onChanged: (account: StaffAccount, done: string) => void;
  onRemoved: (done: string) => void;
  onProblem: (problem: ApiRequestError) => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [role, setRole] = useState<StaffRole>(account.role);
  const [resetting, setResetting] = useState(false);
  const [busy, setBusy] = useState(false);

  const failed = (error: unknown) => {
    setBusy(false);
    setRole(account.role);
    onProblem(asApiRequestError(error));
  };

  const saveRole = () => {
    if (busy) return;
    setBusy(true);
    changeRole(account.id, role).then((changed) => {
      setBusy(false);
      onChanged(
        changed,
        t('users.roleChanged', { email: changed.email, role: t(`roles.${changed.role}`) }),
      );
    }, failed);
  };

  const remove = () => {
    setBusy(true);
    removeUser(account.id).then(() => {
      onRemoved(t('users.removed', { email: account.email }));
    }, failed);
  };

  return (
    <tr>
      <th scope="row" data-label={t('users.email')} className="admin-cell-name">
        {account.email}
      </th>
      <td data-label={t('users.role')}>
        <div className="admin-inline">
          <label htmlFor={`${id}-role`} className="visually-hidden">
            {t('users.roleFor', { email: account.email })}
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => {
              setRole(event.target.value as StaffRole);
            }}
          >
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
          {role !== account.role && (
            <button
              type="button"
              className="staff-button staff-button-small staff-button-primary"
              aria-disabled={busy || undefined}
              onClick={saveRole}
            >
              {t('users.saveRole')}
            </button>
          )}
        </div>
      </td>
      <td data-label={t('users.lastActive')}>
        {account.lastActiveAt ? <TimeAgo iso={account.lastActiveAt} /> : t('users.neverActive')}
      </td>
      <td data-label={t('users.actions')}>
        <div className="admin-actions">
          {!resetting && (
            <button
              type="button"
              className="staff-button staff-button-small"
              onClick={() => {
                setResetting(true);
              }}
            >
              {t('users.resetPassword')}
            </button>
          )}
          <ConfirmAction
            label={t('users.remove')}
            question={t('users.removeQuestion', { email: account.email })}
            confirmLabel={t('users.removeConfirm')}
            onConfirm={remove}
          />
        </div>
        {resetting && (
          <ResetPasswordForm
            account={account}
            onDone={(changed) => {
              setResetting(false);
              onChanged(changed, t('users.passwordReset', { email: changed.email }));
            }}
            onCancel={() => {
              setResetting(false);
            }}
          />
        )}
      </td>
    </tr>
  );
}
