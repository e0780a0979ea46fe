import { useTranslation } from 'react-i18next';
import type { Contrast } from './contrast.ts';
import { Icon } from './Icons.tsx';

/**
 * High contrast on or off: one toggle with an icon and a word. Pressed, it
 * shows a tick as well as its state (aria-pressed), never colour alone.
 */
export function ContrastControl({
  contrast,
  onChange,
}: {
  contrast: Contrast;
  onChange: (contrast: Contrast) => void;
}) {
  const { t } = useTranslation();
  const high = contrast === 'high';
  return (
    <button
      type="button"
      className="button contrast-toggle"
      aria-pressed={high}
      onClick={() => {
        onChange(high ? 'standard' : 'high');
      }}
    >
      <Icon name="contrast" />
      <span>{t('display.highContrast')}</span>
    </button>
  );
}
