import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryBranch } from '../../shared/api/administration.ts';
import { languageByCode } from '../../shared/languages.ts';
import { BranchForm } from './BranchForm.tsx';
import { BranchPinForm } from './BranchPinForm.tsx';

/** One branch as its tablets present it, with the ways to change it. */
export function BranchCard({
  branch,
  onSaved,
}: {
  branch: LibraryBranch;
  onSaved: (branch: LibraryBranch, done: string) => void;
}) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState<'fields' | 'pin'>();
  const fallback = languageByCode(branch.fallbackLanguage);

  if (editing === 'fields') {
    return (
      <BranchForm
        branch={branch}
        onSaved={(saved) => {
          setEditing(undefined);
          onSaved(saved, t('branches.saved', { name: saved.name }));
        }}
        onCancel={() => {
          setEditing(undefined);
        }}
      />
    );
  }

  return (
    <article className="admin-card" aria-labelledby={`branch-${branch.id}`}>
      <h2 id={`branch-${branch.id}`}>{branch.name}</h2>
      <dl className="staff-facts">
        <div>
          <dt>{t('branches.fields.infoDesk')}</dt>
          <dd>{branch.infoDesk}</dd>
        </div>
        <div>
          <dt>{t('branches.fields.transportApp')}</dt>
          <dd>{branch.transportApp}</dd>
        </div>
        <div>
          <dt>{t('branches.fields.fallbackLanguage')}</dt>
          <dd>
            {t('branches.languageOption', {
              native: fallback.nativeName,
              english: fallback.englishName,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('branches.tablets')}</dt>
          <dd>{branch.tabletCount}</dd>
        </div>
        <div>
          <dt>{t('branches.pin')}</dt>
          <dd>{branch.hasSetupPin ? t('branches.pinSet') : t('branches.pinNone')}</dd>
        </div>
      </dl>
      {editing === 'pin' ? (
        <BranchPinForm
          branch={branch}
          onSaved={(saved, cleared) => {
            setEditing(undefined);
            onSaved(
              saved,
              t(cleared ? 'branches.pinCleared' : 'branches.pinSaved', { name: saved.name }),
            );
          }}
          onCancel={() => {
            setEditing(undefined);
          }}
        />
      ) : (
        <div className="admin-actions">
          <button
            type="button"
            className="staff-button staff-button-small"
            onClick={() => {
              setEditing('fields');
            }}
          >
            {t('branches.edit')}
          </button>
          <button
            type="button"
            className="staff-button staff-button-small"
            onClick={() => {
              setEditing('pin');
            }}
          >
            {branch.hasSetupPin ? t('branches.pinChange') : t('branches.pinAdd')}
          </button>
        </div>
      )}
    </article>
  );
}
