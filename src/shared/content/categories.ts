/**
 * The kinds of help visitors ask for most, in the order the start screen
 * shows them. Their names are UI strings (kiosk.categories.<id>).
 */
export const CATEGORIES = [
  { id: 'bankid', icon: 'bankid' },
  { id: 'authorities', icon: 'authority' },
  { id: 'travel', icon: 'bus' },
  { id: 'health', icon: 'health' },
  { id: 'print', icon: 'printer' },
  { id: 'jobs', icon: 'briefcase' },
  { id: 'housing', icon: 'house' },
  { id: 'passwords', icon: 'key' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [
  CategoryId,
  ...CategoryId[],
];

/** The pictograms the kiosk can draw; a guide picks one of them. */
export const ICONS = [
  'bankid',
  'authority',
  'bus',
  'health',
  'printer',
  'briefcase',
  'house',
  'key',
  'phone',
  'document',
  'translate',
] as const;

export type IconName = (typeof ICONS)[number];
