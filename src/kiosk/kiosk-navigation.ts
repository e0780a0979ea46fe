import type { Guide } from '../shared/content/guide.ts';
import type { CategoryId } from '../shared/content/categories.ts';

/**
 * Where the visitor is. The guide screen holds a copy of the guide taken
 * when it was opened, so a content sync in the background never changes the
 * step a visitor is reading.
 */
export type KioskScreen =
  | { name: 'start' }
  | { name: 'guideList'; category: CategoryId }
  /** `step`: the 1-based step it opens at (a deep link); the first when absent. */
  | { name: 'guide'; category: CategoryId; guide: Guide; step?: number };

export type KioskNavigation =
  | { type: 'goHome' }
  | { type: 'openCategory'; category: CategoryId }
  | { type: 'openGuide'; guide: Guide; step?: number }
  | { type: 'backToGuideList' };

export const START_SCREEN: KioskScreen = { name: 'start' };

export function navigate(screen: KioskScreen, action: KioskNavigation): KioskScreen {
  switch (action.type) {
    case 'goHome':
      return START_SCREEN;
    case 'openCategory':
      return { name: 'guideList', category: action.category };
    case 'openGuide':
      return {
        name: 'guide',
        category: action.guide.category,
        guide: action.guide,
        step: action.step,
      };
    case 'backToGuideList':
      return screen.name === 'guide' ? { name: 'guideList', category: screen.category } : screen;
  }
}
