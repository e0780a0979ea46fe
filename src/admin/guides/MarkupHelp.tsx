import { useTranslation } from 'react-i18next';

/** How guide text is written: the few marks the kiosk understands. */
export function MarkupHelp() {
  const { t } = useTranslation('editor');
  const rows = [
    ['markup.paragraphExample', 'markup.paragraph'],
    ['markup.bulletExample', 'markup.bullet'],
    ['markup.numberedExample', 'markup.numbered'],
    ['markup.boldExample', 'markup.bold'],
    ['markup.labelExample', 'markup.label'],
    ['markup.settingExample', 'markup.setting'],
  ] as const;
  return (
    <details className="editor-markup-help">
      <summary>{t('markup.heading')}</summary>
      <dl>
        {rows.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{t(example)}</code>
            </dt>
            <dd>{t(meaning)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
