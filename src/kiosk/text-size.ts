/** The text sizes a visitor can choose, as a factor of the base size: up to 200 %. */
export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const;

export type TextSizeStep = 0 | 1 | 2 | 3;

export const DEFAULT_TEXT_SIZE: TextSizeStep = 0;

/** From this step on the header's controls no longer share one line, even on a wide screen. */
export const LARGE_TEXT_FROM: TextSizeStep = 1;

/**
 * Scales the root font size: the kiosk is sized in rem, so everything,
 * buttons included, grows and reflows with the text. Large text is also
 * marked on <html> for the header's layout (kiosk.css), as a media query
 * cannot read the scale.
 */
export function applyTextSize(step: TextSizeStep): void {
  const root = document.documentElement;
  root.style.setProperty('--text-scale', String(TEXT_SCALES[step]));
  root.toggleAttribute('data-large-text', step >= LARGE_TEXT_FROM);
}
