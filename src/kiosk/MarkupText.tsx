import { Fragment, type ReactNode } from 'react';
import { parseMarkup, type Inline, type LibrarySettingName } from '../shared/content/markup.ts';

export type SettingValues = Record<LibrarySettingName, string>;

/**
 * Guide text, rendered from the parsed markup with React elements only: no
 * HTML from the server ever reaches the page.
 */
export function MarkupText({ source, settings }: { source: string; settings: SettingValues }) {
  const parsed = parseMarkup(source);
  // Published guides are checked on the server; if one slips through, show its words as they are.
  if (!parsed.ok) return <p>{source}</p>;
  return parsed.blocks.map((block, index) => {
    if (block.type === 'paragraph')
      return <p key={index}>{renderInline(block.children, settings)}</p>;
    const items = block.items.map((item, itemIndex) => (
      <li key={itemIndex}>{renderInline(item, settings)}</li>
    ));
    return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
  });
}

function renderInline(nodes: Inline[], settings: SettingValues): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'bold':
        return <strong key={index}>{renderInline(node.children, settings)}</strong>;
      case 'label':
        // Exactly what the phone or web page shows, so the visitor can find it there, with
        // what it means in the visitor's language beside it.
        return (
          <Fragment key={index}>
            <bdi>
              <span className="screen-label" lang="sv" dir="ltr">
                {node.text}
              </span>
            </bdi>
            {node.meaning && <span className="screen-label-meaning"> ({node.meaning})</span>}
          </Fragment>
        );
      case 'setting':
        return (
          <bdi key={index} className="library-setting">
            {settings[node.name]}
          </bdi>
        );
      case 'break':
        return <br key={index} />;
    }
  });
}
