/**
 * A published guide as one page for the visitor's own phone, reached by the
 * QR code on the kiosk ("this guide on your phone"). Server-rendered HTML:
 * no script, no cookies, nothing about the visitor kept. Every step is a
 * section with id="step-N", so the address can open it at the step the
 * visitor had on the kiosk.
 */
import {
  contentLanguageFor,
  guideTextIn,
  stepTextIn,
} from '../../shared/content/guide-language.ts';
import type { Guide, Step } from '../../shared/content/guide.ts';
import { languageByCode, type LanguageCode } from '../../shared/languages.ts';
import { escapeHtml, htmlPage } from './html.ts';
import { markupHtml, type SettingValues } from './markup-html.ts';
import { languageNameIn, phoneWordsIn, type PhoneWords } from './phone-words.ts';

export interface PhoneGuidePageInput {
  guide: Guide;
  requestedLanguage: LanguageCode;
  /** The default branch's fallback language; undefined when there is no branch. */
  fallbackLanguage: LanguageCode | undefined;
  settings: SettingValues;
  /** The picture's address with ?v=<sha256>, or undefined when the server does not have it. */
  imageAddress: (imageId: string) => string | undefined;
}

function serviceHtml(link: NonNullable<Step['link']>, words: PhoneWords): string {
  const url = new URL(link.url);
  return (
    `<p class="service">${escapeHtml(words('phone.page.serviceLink'))} ` +
    `<a href="${escapeHtml(url.href)}" rel="noopener noreferrer" dir="ltr">${escapeHtml(url.host)}</a></p>`
  );
}

function stepHtml(
  step: Step,
  index: number,
  total: number,
  language: LanguageCode,
  words: PhoneWords,
  input: PhoneGuidePageInput,
): string {
  const text = stepTextIn(step, language);
  const number = index + 1;
  const image = step.image;
  const imageAddress = image && input.imageAddress(image.id);
  const parts = [
    `<section class="step" id="step-${number}" aria-labelledby="step-${number}-title">`,
    `<p class="step-number">${escapeHtml(words('player.stepOf', { current: number, total }))}</p>`,
    `<h2 id="step-${number}-title">${escapeHtml(text.title)}</h2>`,
    markupHtml(text.body, input.settings),
    ...text.callouts.map(
      (callout) =>
        `<aside class="callout callout-${callout.kind}">` +
        `<strong class="callout-name">${escapeHtml(words(`callouts.${callout.kind}`))}</strong>` +
        `${markupHtml(callout.text, input.settings)}</aside>`,
    ),
    image && imageAddress
      ? `<img src="${escapeHtml(imageAddress)}" width="${image.width}" height="${image.height}" ` +
        `alt="${escapeHtml(text.imageAlt ?? '')}" loading="lazy">`
      : '',
    step.link ? serviceHtml(step.link, words) : '',
    '</section>',
  ];
  return parts.filter((part) => part !== '').join('\n');
}

/** The whole page, in the one language the guide is shown in. */
export function phoneGuidePage(input: PhoneGuidePageInput): string {
  const { guide, requestedLanguage } = input;
  const language = contentLanguageFor(guide, requestedLanguage, input.fallbackLanguage);
  const words = phoneWordsIn(language);
  const guideText = guideTextIn(guide, language);
  const parts: string[] = [];
  if (language !== requestedLanguage) {
    // Said in the language the visitor asked for, as the kiosk does.
    const askedWords = phoneWordsIn(requestedLanguage);
    const name = languageNameIn(language, requestedLanguage) ?? languageByCode(language).nativeName;
    const { dir } = languageByCode(requestedLanguage);
    parts.push(
      `<p class="notice" role="note" lang="${escapeHtml(requestedLanguage)}" dir="${dir}">` +
        `${escapeHtml(askedWords('phone.page.fallback', { language: name }))}</p>`,
    );
  }
  parts.push(`<h1>${escapeHtml(guideText.title)}</h1>`);
  if (guideText.summary) parts.push(`<p class="summary">${escapeHtml(guideText.summary)}</p>`);
  guide.steps.forEach((step, index) => {
    parts.push(stepHtml(step, index, guide.steps.length, language, words, input));
  });
  return htmlPage({
    language,
    dir: languageByCode(language).dir,
    title: guideText.title,
    body: parts.join('\n'),
  });
}

/** A page for what went wrong, in Swedish and English: the visitor's language is not known here. */
export function phoneProblemPage(problem: 'notFound' | 'badLanguage'): string {
  const sections = (['sv', 'en'] as const).map((code, index) => {
    const words = phoneWordsIn(code);
    const heading = index === 0 ? 'h1' : 'h2';
    return (
      `<section lang="${code}">` +
      `<${heading}>${escapeHtml(words(`phone.page.${problem}Title`))}</${heading}>` +
      `<p>${escapeHtml(words(`phone.page.${problem}Body`))}</p></section>`
    );
  });
  return htmlPage({
    language: 'sv',
    dir: 'ltr',
    title: `${phoneWordsIn('sv')(`phone.page.${problem}Title`)} / ${phoneWordsIn('en')(`phone.page.${problem}Title`)}`,
    body: sections.join('\n'),
  });
}
