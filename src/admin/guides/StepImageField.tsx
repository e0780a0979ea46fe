import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_IMAGE_TYPES } from '../../shared/api/guide-editing.ts';
import type { DraftStep } from '../../shared/content/guide-draft.ts';
import { SOURCE_LANGUAGE } from '../../shared/languages.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { serverImageUrl, uploadImage } from './guide-editing-api.ts';

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
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<ApiRequestError>();

  const upload = (file: File) => {
    setUploading(true);
    setProblem(undefined);
    uploadImage(file).then(
      (image) => {
        setUploading(false);
        onChange((current) => ({
          ...current,
          image: { id: image.id, width: image.width, height: image.height },
        }));
      },
      (error: unknown) => {
        setUploading(false);
        setProblem(asApiRequestError(error));
      },
    );
  };

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
      <div className="editor-field">
        <label htmlFor={inputId}>
          {step.image
            ? t('image.replace', { number: stepNumber })
            : t('image.upload', { number: stepNumber })}
        </label>
        <input
          id={inputId}
          type="file"
          accept={UPLOAD_IMAGE_TYPES.join(',')}
          disabled={uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload(file);
            event.target.value = '';
          }}
        />
      </div>
      {uploading && <p role="status">{t('image.uploading')}</p>}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
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
