import { useTranslation } from 'react-i18next';
import { UPLOAD_IMAGE_TYPES } from '../../shared/api/guide-editing.ts';
import type { DraftStep } from '../../shared/content/guide-draft.ts';
import { SOURCE_LANGUAGE } from '../../shared/languages.ts';
import { serverImageUrl, uploadImage } from './guide-editing-api.ts';
import { MediaUpload } from './MediaUpload.tsx';

/** A step's picture: upload one (the server scales it down), see it, remove it. */
export function StepImageField({
  step,
  stepNumber,
  onChange,
}: {
  step: DraftStep;
  stepNumber: number;
  onChange: (change: (step: DraftStep) => DraftStep) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <div className="editor-image">
      {step.image && (
        <figure>
          <img
            src={serverImageUrl(step.image.id)}
            width={step.image.width}
            height={step.image.height}
            alt={step.text[SOURCE_LANGUAGE]?.imageAlt ?? ''}
          />
        </figure>
      )}
      <MediaUpload
        label={
          step.image
            ? t('image.replace', { number: stepNumber })
            : t('image.upload', { number: stepNumber })
        }
        accept={UPLOAD_IMAGE_TYPES.join(',')}
        uploadingText={t('image.uploading')}
        upload={uploadImage}
        onUploaded={(image) => {
          onChange((current) => ({
            ...current,
            image: { id: image.id, width: image.width, height: image.height },
          }));
        }}
      />
      {step.image && (
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            onChange(({ image: _removed, ...rest }) => rest);
          }}
        >
          {t('image.remove', { number: stepNumber })}
        </button>
      )}
    </div>
  );
}
