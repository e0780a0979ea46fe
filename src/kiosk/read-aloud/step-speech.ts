import type { CalloutKind, StepText } from '../../shared/content/guide.ts';
import { parseMarkup, type Block, type Inline } from '../../shared/content/markup.ts';
import type { SettingValues } from '../MarkupText.tsx';
import type { SpeechPart } from './speech.ts';

/**
 * What reading a step aloud says: its title, body and callouts, in the
 * step's language. Swedish screen labels inside a translation
 * (`[[Logga in|Log in]]`) are said by a Swedish voice, as the phone shows
 * them, then their meaning; with no Swedish voice only the meaning is said,
 * because a voice of another language would garble the Swedish words.
 */
export interface StepVoices {
  /** The voice of the step's language. */
  content: SpeechSynthesisVoice;
  /** A Swedish voice for screen labels; the same as `content` when the step is Swedish. */
  swedish: SpeechSynthesisVoice | null;
}

export function stepSpeech(
  text: StepText,
  settings: SettingValues,
  calloutName: (kind: CalloutKind) => string,
  voices: StepVoices,
): SpeechPart[] {
  const parts: SpeechPart[] = [];
  // Words of the step's language run together until a block ends or a label interrupts them.
  let words = '';
  const flush = () => {
    // A label left out may leave "and ." behind.
    const said = words
      .replace(/\s+/g, ' ')
      .replace(/ ([.,;:!?،؛؟።])/g, '$1')
      .trim();
    // A lone "." after a label says nothing worth a pause.
    if (/[\p{L}\p{N}]/u.test(said)) parts.push({ text: said, voice: voices.content });
    words = '';
  };
  const sayLabel = (label: string, meaning: string | undefined) => {
    if (voices.swedish === voices.content) {
      words += label;
      return;
    }
    if (voices.swedish) {
      flush();
      parts.push({ text: label, voice: voices.swedish });
    }
    if (meaning) {
      // Beside the label, as on the screen: its own phrase.
      flush();
      words += meaning;
      flush();
    }
  };
  const inline = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          words += node.text;
          break;
        case 'bold':
          inline(node.children);
          break;
        case 'label':
          sayLabel(node.text, node.meaning);
          break;
        case 'setting':
          words += settings[node.name];
          break;
        case 'break':
          words += ' ';
          break;
      }
    }
  };
  const blocks = (source: string) => {
    const parsed = parseMarkup(source);
    const found: readonly Block[] = parsed.ok
      ? parsed.blocks
      : [{ type: 'paragraph', children: [{ type: 'text', text: source }] }];
    for (const block of found) {
      if (block.type === 'paragraph') {
        inline(block.children);
        flush();
      } else {
        for (const item of block.items) {
          inline(item);
          flush();
        }
      }
    }
  };

  words = text.title;
  flush();
  blocks(text.body);
  for (const callout of text.callouts) {
    words = calloutName(callout.kind);
    flush();
    blocks(callout.text);
  }
  return parts;
}
