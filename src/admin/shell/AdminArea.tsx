import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch } from 'wouter';
import { GuidesArea } from '../guides/GuidesArea.tsx';
import { PacksArea } from '../packs/PacksArea.tsx';
import { TranslationsArea } from '../translations/TranslationsArea.tsx';
import { BranchesArea } from '../branches/BranchesArea.tsx';
import { TabletsArea } from '../devices/TabletsArea.tsx';
import { SettingsArea } from '../settings/SettingsArea.tsx';
import { UsersArea } from '../users/UsersArea.tsx';
import { AdminPage } from './AdminPage.tsx';
import { useHasRole } from './current-user.ts';

/** The admin area's routes, under the router's base /admin. Editors get their parts only. */
export function AdminArea() {
  const isAdmin = useHasRole('admin');
  const adminOnly = (screen: ReactNode) => (isAdmin ? screen : <AdminOnly />);
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/guides" replace />
      </Route>
      <Route path="/guides">
        <GuidesArea />
      </Route>
      <Route path="/guides/:id">
        <GuidesArea />
      </Route>
      <Route path="/translations">
        <TranslationsArea />
      </Route>
      <Route path="/packs">
        <PacksArea />
      </Route>
      <Route path="/users">{adminOnly(<UsersArea />)}</Route>
      <Route path="/branches">{adminOnly(<BranchesArea />)}</Route>
      <Route path="/tablets">{adminOnly(<TabletsArea />)}</Route>
      <Route path="/settings">
        <SettingsArea />
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

function AdminOnly() {
  const { t } = useTranslation('admin');
  return <AdminPage title={t('adminOnly.title')} intro={t('adminOnly.body')} />;
}

function NotFound() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('notFound.title')} intro={t('notFound.body')}>
      <p>
        <Link href="/guides">{t('notFound.toGuides')}</Link>
      </p>
    </AdminPage>
  );
}
