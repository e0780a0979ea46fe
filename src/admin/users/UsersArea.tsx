import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from '../../shared/api/administration.ts';
import { fetchUsers } from '../admin-api.ts';
import { ActionOutcome, type Outcome } from '../shell/ActionOutcome.tsx';
import { AdminPage } from '../shell/AdminPage.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { AddUserForm } from './AddUserForm.tsx';
import { UserRow } from './UserRow.tsx';

/** Staff accounts: who may log in, with which role. Admins only. */
export function UsersArea() {
  const { t } = useTranslation('admin');
  const users = useAdminQuery(fetchUsers);
  const [outcome, setOutcome] = useState<Outcome>();
  const [adding, setAdding] = useState(false);

  const replace = (account: StaffAccount) => {
    users.update((list) => list.map((user) => (user.id === account.id ? account : user)));
  };

  return (
    <AdminPage
      title={t('users.title')}
      intro={t('users.intro')}
      actions={
        !adding && (
          <button
            type="button"
            className="staff-button staff-button-primary"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('users.add')}
          </button>
        )
      }
    >
      {adding && (
        <AddUserForm
          onAdded={(account) => {
            users.update((list) => [...list, account]);
            setAdding(false);
            setOutcome({ done: t('users.added', { email: account.email }) });
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}
      <ActionOutcome outcome={outcome} />
      {users.problem && <QueryProblem problem={users.problem} onRetry={users.reload} />}
      {!users.data && !users.problem && <p role="status">{t('app.loading')}</p>}
      {users.data && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.lastActive')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((account) => (
              <UserRow
                key={account.id}
                account={account}
                onChanged={(changed, done) => {
                  replace(changed);
                  setOutcome({ done });
                }}
                onRemoved={(done) => {
                  users.update((list) => list.filter((user) => user.id !== account.id));
                  setOutcome({ done });
                }}
                onProblem={(problem) => {
                  setOutcome({ problem });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
