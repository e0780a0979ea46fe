/**
 * Guide text as HTML for the phone page, from the same parsed markup the
 * kiosk renders with React. Every piece of text is escaped: guide text never
 * becomes markup of its own.
 */
import { parseMarkup, type Inline, type LibrarySettingName } from '../../shared/content/markup.ts';
import { escapeHtml } from './html.ts';

export type SettingValues = Record<LibrarySettingName, string>;

function inlineHtml(nodes: Inline[], settings: SettingValues): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.text);
        case 'bold':
          return `<strong>${inlineHtml(node.children, settings)}</strong>`;
        case 'label': {
          // The screen's own Swedish words, highlighted, with what they mean in the text's language.
          const label = `<bdi><mark lang="sv" dir="ltr">${escapeHtml(node.text)}</mark></bdi>`;
          return node.meaning ? `${label} (${escapeHtml(node.meaning)})` : label;
        }
        case 'setting':
          return `<bdi>${escapeHtml(settings[node.name])}</bdi>`;
        case 'break':
          return '<br>';
      }
    })
    .join('');
}

/** The markup as HTML blocks; text that does not parse is shown as it is, in one paragraph. */
export function markupHtml(source: string, settings: SettingValues): string {
  const parsed = parseMarkup(source);
  if (!parsed.ok) return `<p>${escapeHtml(source)}</p>`;
  return parsed.blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${inlineHtml(block.children, settings)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${inlineHtml(item, settings)}</li>`).join('');
      return `<${tag}>${items}</${tag}>`;
    })
    .join('\n');
}
