import { describe, expect, it } from 'vitest';
import {
  markupToPlainText,
  parseMarkup,
  screenLabels,
  type Block,
} from '../../src/shared/content/markup.ts';

function blocksOf(source: string): Block[] {
  const result = parseMarkup(source);
  if (!result.ok) throw new Error(result.error);
  return result.blocks;
}

function errorOf(source: string): string {
  const result = parseMarkup(source);
  if (result.ok) throw new Error('expected the markup to be refused');
  return result.error;
}

describe('guide markup', () => {
  it('splits paragraphs on blank lines and keeps line breaks inside one', () => {
    expect(blocksOf('Första raden\nandra raden\n\nNytt stycke')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Första raden' },
          { type: 'break' },
          { type: 'text', text: 'andra raden' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Nytt stycke' }] },
    ]);
  });

  it('reads bullet and numbered lists', () => {
    expect(blocksOf('- ett\n- två')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'ett' }], [{ type: 'text', text: 'två' }]],
      },
    ]);
    expect(blocksOf('1. ett\n2. två')[0]).toMatchObject({ type: 'list', ordered: true });
  });

  it('reads bold text, screen labels and library settings', () => {
    expect(blocksOf('Tryck **på [[Logga in]]** i {transportApp}.')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Tryck ' },
          {
            type: 'bold',
            children: [
              { type: 'text', text: 'på ' },
              { type: 'label', text: 'Logga in' },
            ],
          },
          { type: 'text', text: ' i ' },
          { type: 'setting', name: 'transportApp' },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('keeps ** inside a label as part of the label', () => {
    expect(blocksOf('[[a**b]]')).toEqual([
      { type: 'paragraph', children: [{ type: 'label', text: 'a**b' }] },
    ]);
  });

  it("reads a label with its meaning in the text's language, and lists the labels", () => {
    const blocks = blocksOf('Tap [[Logga in | Log in]], then **[[Mina sidor]]**.\n\n- [[BankID]]');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Tap ' },
        { type: 'label', text: 'Logga in', meaning: 'Log in' },
        { type: 'text', text: ', then ' },
        { type: 'bold', children: [{ type: 'label', text: 'Mina sidor' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(screenLabels(blocks)).toEqual(['Logga in', 'Mina sidor', 'BankID']);
    expect(errorOf('[[Logga in|]]')).toContain(
      'write a label as [[Logga in]] or [[Logga in|Log in]]',
    );
    expect(errorOf('[[Logga in|Log in|more]]')).toContain('at most one "|"');
  });

  it('treats HTML as plain text', () => {
    expect(blocksOf('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('explains what is wrong and where', () => {
    expect(errorOf('ok\n\nTryck på **här')).toBe(
      'Line 3: "**" starts bold text but it is never closed.',
    );
    expect(errorOf('Tryck på [[Logga in')).toContain('there is no "]]" to end it');
    expect(errorOf('Slut]]')).toContain('never started with "[["');
    expect(errorOf('Öppna {busApp}')).toContain(
      '{busApp} is not a library setting. Use one of: {transportApp}',
    );
    expect(errorOf('- ett\ntvå')).toBe(
      'Line 2: a list must have "- " at the start of every line. Put an empty line between the list and other text.',
    );
  });

  it('turns markup into plain text for read-aloud', () => {
    const settings = { transportApp: 'UL-appen', libraryName: 'Biblioteket', infoDesk: 'disken' };
    expect(
      markupToPlainText(blocksOf('Öppna **{transportApp}**\n\n- [[Köp]]\n- Betala'), settings),
    ).toBe('Öppna UL-appen\n\nKöp\nBetala');
    expect(markupToPlainText(blocksOf('Tap [[Köp|Buy]]'), settings)).toBe('Tap Köp (Buy)');
  });
});
