import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryBranch } from '../../shared/api/administration.ts';
import { fetchBranches } from '../admin-api.ts';
import { ActionOutcome, type Outcome } from '../shell/ActionOutcome.tsx';
import { AdminPage } from '../shell/AdminPage.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { BranchCard } from './BranchCard.tsx';
import { BranchForm } from './BranchForm.tsx';

/** The library's branches: what their tablets say to visitors, and their setup PIN. Admins only. */
export function BranchesArea() {
  const { t } = useTranslation('admin');
  const branches = useAdminQuery(fetchBranches);
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const saved = (branch: LibraryBranch, done: string) => {
    branches.update((list) =>
      list.some((known) => known.id === branch.id)
        ? list.map((known) => (known.id === branch.id ? branch : known))
        : [...list, branch],
    );
    setOutcome({ done });
  };

  return (
    <AdminPage
      title={t('branches.title')}
      intro={t('branches.intro')}
      actions={
        !adding && (
          <button
            type="button"
            className="staff-button staff-button-primary"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('branches.add')}
          </button>
        )
      }
    >
      {adding && (
        <BranchForm
          onSaved={(branch) => {
            setAdding(false);
            saved(branch, t('branches.added', { name: branch.name }));
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}
      <ActionOutcome outcome={outcome} />
      {branches.problem && <QueryProblem problem={branches.problem} onRetry={branches.reload} />}
      {!branches.data && !branches.problem && <p role="status">{t('app.loading')}</p>}
      {branches.data?.length === 0 && <p>{t('branches.none')}</p>}
      {branches.data && branches.data.length > 0 && (
        <ul className="admin-cards">
          {branches.data.map((branch) => (
            <li key={branch.id}>
              <BranchCard branch={branch} onSaved={saved} />
            </li>
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
