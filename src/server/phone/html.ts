/**
 * Small helpers for the server-rendered pages for phones: every piece of
 * text goes through escapeHtml, and the page's one <style> is allowed by its
 * hash, so the page's own Content-Security-Policy needs no 'unsafe-inline'
 * and allows no script at all.
 */
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** Readable on a small phone: large text, one column, the palette of the kiosk. */
export const PHONE_PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fbf8f1; color: #1c1b19; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans Ethiopic', sans-serif; font-size: 1.25rem; line-height: 1.6; }
main { max-inline-size: 40rem; margin-inline: auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin-block: 0.5rem 0.25rem; color: #12355b; }
h2 { font-size: 1.5rem; line-height: 1.3; margin-block: 0 0.75rem; }
.summary { margin-block: 0 1rem; color: #4f4a41; }
.notice { padding: 0.75rem 1rem; border: 0.125rem solid #12355b; border-radius: 0.5rem; background: #e4ebf3; }
.step { margin-block: 1.5rem; padding: 1rem; border: 0.125rem solid #6b6353; border-radius: 0.75rem; background: #ffffff; scroll-margin-block-start: 1rem; }
.step:target { border-color: #12355b; outline: 0.25rem solid #ffcf3f; }
.step-number { margin: 0; font-weight: 700; color: #4f4a41; }
img { display: block; max-inline-size: 100%; block-size: auto; margin-block: 1rem 0; }
mark { padding-inline: 0.25rem; border: 0.0625rem solid #6b6353; border-radius: 0.25rem; background: #ffcf3f; color: #1c1b19; font-weight: 700; }
.callout { margin-block: 1rem; padding: 0.75rem 1rem; border-inline-start: 0.5rem solid var(--accent); border-radius: 0.5rem; background: var(--tint); }
.callout-tip { --accent: #1e6b34; --tint: #e6f2e8; }
.callout-warning { --accent: #8f4a00; --tint: #fdeed6; }
.callout-privacy { --accent: #4b3f94; --tint: #ecebf8; }
.callout-name { display: block; font-weight: 700; }
.callout p { margin-block: 0.25rem; }
.service a { font-weight: 700; overflow-wrap: anywhere; }
a { color: #12355b; }
a:focus-visible { outline: 0.25rem solid #1c1b19; outline-offset: 0.125rem; }
li + li { margin-block-start: 0.25rem; }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(PHONE_PAGE_CSS).digest('base64')}'`;

/**
 * Stricter than the app's: no script, no connections, nothing framed, no
 * forms; pictures from this server only; the one inline <style> by its hash.
 */
export const PHONE_PAGE_CSP = [
  "default-src 'none'",
  "img-src 'self'",
  `style-src ${STYLE_HASH}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole page: `body` must already be escaped HTML. */
export function htmlPage({
  language,
  dir,
  title,
  body,
}: {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${PHONE_PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
