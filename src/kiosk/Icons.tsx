import type { ReactElement } from 'react';
import type { IconName } from '../shared/content/categories.ts';

/** Controls' icons, beside the guide pictograms. */
export type ControlIconName =
  | 'home'
  | 'forward'
  | 'backward'
  | 'done'
  | 'helper'
  | 'tip'
  | 'warning'
  | 'privacy'
  | 'close'
  | 'textSmaller'
  | 'textLarger'
  | 'speech'
  | 'eye'
  | 'ear'
  | 'clock'
  | 'contrast'
  | 'readAloud'
  | 'stopReading';

/**
 * Simple line pictograms on a 48×48 grid, drawn in the text colour. They
 * always sit beside words, so they are hidden from screen readers.
 */
const SHAPES: Record<IconName | ControlIconName, ReactElement> = {
  bankid: (
    <>
      <rect x="13" y="4" width="22" height="40" rx="4" />
      <path d="M19 23l4 4 7-8M21 38h6" />
    </>
  ),
  authority: <path d="M6 18L24 7l18 11zM11 22v14M19 22v14M29 22v14M37 22v14M5 41h38" />,
  bus: (
    <>
      <rect x="9" y="5" width="30" height="33" rx="5" />
      <path d="M9 22h30M15 30h3M30 30h3M14 38v4M34 38v4M14 12h20" />
    </>
  ),
  health: <path d="M19 7h10v12h12v10H29v12H19V29H7V19h12z" />,
  printer: (
    <>
      <path d="M14 18V6h20v12" />
      <rect x="6" y="18" width="36" height="16" rx="3" />
      <path d="M14 28h20v14H14zM35 23h1" />
    </>
  ),
  briefcase: (
    <>
      <rect x="6" y="15" width="36" height="25" rx="4" />
      <path d="M18 15v-5h12v5M6 26h36M22 26v4h4v-4" />
    </>
  ),
  house: <path d="M5 23L24 7l19 16M11 18v23h26V18M20 41V30h8v11" />,
  key: (
    <>
      <circle cx="15" cy="24" r="8" />
      <path d="M23 24h19M36 24v7M42 24v5" />
    </>
  ),
  phone: (
    <path d="M16 6h-5a3 3 0 00-3 3c0 18 13 31 31 31a3 3 0 003-3v-5l-8-4-4 4c-6-2-12-8-14-14l4-4z" />
  ),
  document: <path d="M11 5h18l9 9v29H11zM29 5v9h9M17 24h15M17 31h15M17 38h9" />,
  translate: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M6 24h36M24 6c-6 5-8 11-8 18s2 13 8 18c6-5 8-11 8-18s-2-13-8-18" />
    </>
  ),
  home: <path d="M5 23L24 7l19 16M11 18v23h9V30h8v11h9V18" />,
  forward: <path d="M8 24h31M28 13l11 11-11 11" />,
  backward: <path d="M40 24H9M20 13L9 24l11 11" />,
  done: <path d="M9 25l10 10 20-21" />,
  helper: (
    <>
      <circle cx="17" cy="15" r="6" />
      <path d="M5 42c0-10 5-16 12-16s12 6 12 16M29 5h14v11h-7l-4 4v-4h-3z" />
    </>
  ),
  tip: <path d="M24 5a12 12 0 00-7 22v6h14v-6a12 12 0 00-7-22zM18 39h12M20 44h8" />,
  warning: <path d="M24 5l20 36H4zM24 18v11M24 35v1" />,
  privacy: (
    <>
      <rect x="10" y="21" width="28" height="21" rx="3" />
      <path d="M16 21v-6a8 8 0 0116 0v6M24 29v6" />
    </>
  ),
  close: <path d="M12 12l24 24M36 12L12 36" />,
  textSmaller: <path d="M6 40l11-28 11 28M10 31h14M33 24h11" />,
  textLarger: <path d="M4 42l13-34 13 34M9 31h16M33 24h12M39 18v12" />,
  speech: <path d="M5 7h25v17H17l-7 6v-6H5zM34 15h9v17h-5v6l-7-6H19v-4" />,
  eye: (
    <>
      <path d="M3 24c5-9 12-14 21-14s16 5 21 14c-5 9-12 14-21 14S8 33 3 24z" />
      <circle cx="24" cy="24" r="6" />
    </>
  ),
  ear: <path d="M14 19a11 11 0 0122 0c0 8-7 10-8 16a6 6 0 01-11 3M21 19a4 4 0 018 0c0 3-3 4-3 7" />,
  clock: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 13v11l8 5" />
    </>
  ),
  readAloud: (
    <>
      <path d="M6 18h8l11-9v30l-11-9H6z" />
      <path d="M32 17a9 9 0 010 14M37 11a17 17 0 010 26" />
    </>
  ),
  contrast: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 6a18 18 0 010 36z" fill="currentColor" />
    </>
  ),
  stopReading: <rect x="12" y="12" width="24" height="24" rx="3" />,
};

export function Icon({
  name,
  className,
}: {
  name: IconName | ControlIconName;
  className?: string;
}) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
