import type { LanguageCode } from '../../shared/languages.ts';

/**
 * The address of a guide's page for phones (served by the Lotsen server,
 * src/server/phone), open at one step in one language. `base` is where
 * visitors' phones reach Lotsen: the library's public address when it has
 * one, else the address the tablet itself uses. A base with a path (a server
 * behind a proxy under /lotsen/) keeps it.
 */
export function guideOnPhoneUrl({
  base,
  guideId,
  language,
  stepNumber,
}: {
  base: string;
  guideId: string;
  language: LanguageCode;
  stepNumber: number;
}): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const url = new URL(`phone/guides/${encodeURIComponent(guideId)}`, root);
  url.searchParams.set('lang', language);
  url.hash = `step-${stepNumber}`;
  return url.href;
}

/** A service's address as a person reads it: its host name, e.g. www.forsakringskassan.se. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
