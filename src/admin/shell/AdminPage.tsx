import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../staff/use-document-title.ts';
import { useFocusOnMount } from '../../staff/use-focus-on-mount.ts';

/**
 * One screen of the admin area: its heading takes focus when it appears
 * (a screen reader starts on the new screen) and names the browser tab.
 */
export function AdminPage({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** Beside the heading, e.g. "Add tablet". */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  useDocumentTitle(t('app.documentTitle', { page: title }));
  return (
    <section className="admin-page" aria-labelledby={`${id}-title`}>
      <div className="admin-page-top">
        <h1 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {intro && <p className="admin-intro">{intro}</p>}
      {children}
    </section>
  );
}
