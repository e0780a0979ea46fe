/**
 * The visitor's high contrast mode: black on white, black borders on every
 * control and a yellow focus ring (src/app/base.css switches the palette on
 * `<html data-contrast="high">`; pictures are left as they are).
 */
export type Contrast = 'standard' | 'high';

const PREFERS_MORE_CONTRAST = '(prefers-contrast: more)';

/**
 * How the kiosk starts for every visitor: high contrast when the tablet's
 * own accessibility settings ask for more contrast, standard otherwise.
 */
export function defaultContrast(): Contrast {
  const prefersMore =
    typeof window.matchMedia === 'function' && window.matchMedia(PREFERS_MORE_CONTRAST).matches;
  return prefersMore ? 'high' : 'standard';
}

export function applyContrast(contrast: Contrast): void {
  document.documentElement.dataset.contrast = contrast;
}

/** Leaving the kiosk (e.g. for the staff screens): no palette of the visitor's stays behind. */
export function clearContrast(): void {
  delete document.documentElement.dataset.contrast;
}
