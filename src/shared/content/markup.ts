/**
 * The small, safe markup that guide text is written in. Authors type plain
 * text; the kiosk renders the parsed tree with React elements, so no HTML
 * from the server is ever inserted into the page.
 *
 *   Blank line          starts a new paragraph
 *   - item              bullet list (every line of the block starts with "- ")
 *   1. item             numbered list (every line starts with "1. ", "2. ", ...)
 *   **words**           bold
 *   [[Logga in]]        an exact on-screen label, shown highlighted so the
 *                       visitor can match it with what the phone shows.
 *                       Labels of Swedish services stay in Swedish in every
 *                       translation, because that is what the phone shows.
 *   [[Logga in|Log in]] the same, with what the label means in the text's
 *                       language shown beside it
 *   {transportApp}      a setting of the library, e.g. the region's bus app
 */

export const LIBRARY_SETTINGS = ['transportApp', 'libraryName', 'infoDesk'] as const;
export type LibrarySettingName = (typeof LIBRARY_SETTINGS)[number];

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  /** `text` exactly as the screen shows it (Swedish); `meaning` in the text's own language. */
  | { type: 'label'; text: string; meaning?: string }
  | { type: 'setting'; name: LibrarySettingName }
  | { type: 'break' };

export type Block =
  { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

export type MarkupResult = { ok: true; blocks: Block[] } | { ok: false; error: string };

class MarkupError extends Error {}

const BULLET = /^- /;
const NUMBERED = /^\d{1,2}\. /;

export function parseMarkup(source: string): MarkupResult {
  try {
    return { ok: true, blocks: parseBlocks(source) };
  } catch (error) {
    if (error instanceof MarkupError) return { ok: false, error: error.message };
    throw error;
  }
}

function parseBlocks(source: string): Block[] {
  const text = source.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  const blocks: Block[] = [];
  let lineNumber = 1;
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').map((line) => line.trim());
    blocks.push(parseBlock(lines, lineNumber));
    lineNumber += chunk.split('\n').length + 1;
  }
  return blocks;
}

function parseBlock(lines: string[], firstLine: number): Block {
  for (const [marker, ordered] of [
    [BULLET, false],
    [NUMBERED, true],
  ] as const) {
    const marked = lines.filter((line) => marker.test(line)).length;
    if (marked === 0) continue;
    if (marked !== lines.length) {
      const at = firstLine + lines.findIndex((line) => !marker.test(line));
      throw new MarkupError(
        `Line ${at}: a list must have "${ordered ? '1. ' : '- '}" at the start of every line. ` +
          'Put an empty line between the list and other text.',
      );
    }
    return {
      type: 'list',
      ordered,
      items: lines.map((line, index) => parseInline(line.replace(marker, ''), firstLine + index)),
    };
  }
  const children: Inline[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    children.push(...parseInline(line, firstLine + index));
  });
  return { type: 'paragraph', children };
}

const TOKEN = /\*\*|\[\[|\]\]|\{[^{}\s]*\}/g;

function parseInline(line: string, lineNumber: number): Inline[] {
  const root: Inline[] = [];
  let bold: Inline[] | null = null;
  let position = 0;
  const push = (node: Inline) => (bold ?? root).push(node);
  const pushText = (text: string) => {
    if (text !== '') push({ type: 'text', text });
  };

  for (const match of line.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index;
    if (at < position) continue; // inside a label that was already consumed
    pushText(line.slice(position, at));
    position = at + token.length;
    if (token === '**') {
      if (bold) {
        if (bold.length === 0)
          throw new MarkupError(`Line ${lineNumber}: "****" has no bold text.`);
        root.push({ type: 'bold', children: bold });
        bold = null;
      } else {
        bold = [];
      }
    } else if (token === '[[') {
      const end = line.indexOf(']]', position);
      if (end === -1) {
        throw new MarkupError(
          `Line ${lineNumber}: "[[" starts a screen label but there is no "]]" to end it.`,
        );
      }
      const [label = '', meaning, ...extra] = line
        .slice(position, end)
        .split('|')
        .map((part) => part.trim());
      if (label === '') throw new MarkupError(`Line ${lineNumber}: "[[]]" has no label text.`);
      if (meaning === '' || extra.length > 0) {
        throw new MarkupError(
          `Line ${lineNumber}: write a label as [[Logga in]] or [[Logga in|Log in]]: ` +
            'the screen\'s words, then at most one "|" and what they mean.',
        );
      }
      push(
        meaning === undefined
          ? { type: 'label', text: label }
          : { type: 'label', text: label, meaning },
      );
      position = end + 2;
    } else if (token === ']]') {
      throw new MarkupError(
        `Line ${lineNumber}: "]]" ends a screen label that was never started with "[[".`,
      );
    } else {
      const name = token.slice(1, -1);
      if (!(LIBRARY_SETTINGS as readonly string[]).includes(name)) {
        throw new MarkupError(
          `Line ${lineNumber}: {${name}} is not a library setting. Use one of: ` +
            LIBRARY_SETTINGS.map((setting) => `{${setting}}`).join(', ') +
            '.',
        );
      }
      push({ type: 'setting', name: name as LibrarySettingName });
    }
  }
  if (bold)
    throw new MarkupError(`Line ${lineNumber}: "**" starts bold text but it is never closed.`);
  pushText(line.slice(position));
  return root;
}

/** The markup as plain text, e.g. for read-aloud or a search index. */
export function markupToPlainText(
  blocks: Block[],
  settings: Record<LibrarySettingName, string>,
): string {
  const inline = (nodes: Inline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.text;
          case 'label':
            return node.meaning ? `${node.text} (${node.meaning})` : node.text;
          case 'bold':
            return inline(node.children);
          case 'setting':
            return settings[node.name];
          case 'break':
            return '\n';
        }
      })
      .join('');
  return blocks
    .map((block) =>
      block.type === 'paragraph' ? inline(block.children) : block.items.map(inline).join('\n'),
    )
    .join('\n\n');
}

/** The on-screen labels a text refers to, e.g. to check that a translation keeps the Swedish ones. */
export function screenLabels(blocks: Block[]): string[] {
  const found: string[] = [];
  const visit = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'label') found.push(node.text);
      else if (node.type === 'bold') visit(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') visit(block.children);
    else block.items.forEach(visit);
  }
  return found;
}
