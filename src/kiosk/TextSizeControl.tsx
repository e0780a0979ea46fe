import { useTranslation } from 'react-i18next';
import { Icon } from './Icons.tsx';
import { TEXT_SCALES, type TextSizeStep } from './text-size.ts';

const LARGEST = (TEXT_SCALES.length - 1) as TextSizeStep;

/** Smaller and larger text, from 100 % to 200 %. */
export function TextSizeControl({
  size,
  onChange,
}: {
  size: TextSizeStep;
  onChange: (size: TextSizeStep) => void;
}) {
  const { t } = useTranslation();
  const atSmallest = size === 0;
  const atLargest = size === LARGEST;
  // aria-disabled rather than disabled: the button keeps focus when it reaches the end.
  return (
    <div className="text-size" role="group" aria-label={t('textSize.label')}>
      <button
        type="button"
        className="button icon-button"
        aria-label={t('textSize.smaller')}
        aria-disabled={atSmallest}
        onClick={() => {
          if (!atSmallest) onChange((size - 1) as TextSizeStep);
        }}
      >
        <Icon name="textSmaller" />
      </button>
      <span className="text-size-value" aria-live="polite">
        {t('textSize.current', { percent: Math.round(TEXT_SCALES[size] * 100) })}
      </span>
      <button
        type="button"
        className="button icon-button"
        aria-label={t('textSize.larger')}
        aria-disabled={atLargest}
        onClick={() => {
          if (!atLargest) onChange((size + 1) as TextSizeStep);
        }}
      >
        <Icon name="textLarger" />
      </button>
    </div>
  );
}
