/** The text sizes a visitor can choose, as a factor of the base size: up to 200 %. */
export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const;

export type TextSizeStep = 0 | 1 | 2 | 3;

export const DEFAULT_TEXT_SIZE: TextSizeStep = 0;

/**
 * Scales the root font size: the kiosk is sized in rem, so everything,
 * buttons included, grows and reflows with the text.
 */
export function applyTextSize(step: TextSizeStep): void {
  document.documentElement.style.setProperty('--text-scale', String(TEXT_SCALES[step]));
}
