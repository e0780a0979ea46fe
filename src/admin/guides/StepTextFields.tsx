import { useTranslation } from 'react-i18next';
import { CALLOUT_KINDS, type CalloutKind } from '../../shared/content/guide.ts';
import type { DraftStep, DraftStepText } from '../../shared/content/guide-draft.ts';
import { languageByCode, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { EMPTY_STEP_TEXT, updateStepText, type FieldProblems } from './draft-editing.ts';
import { StepAudioField } from './StepAudioField.tsx';
import { FieldProblem, fieldId, fieldProps } from './FieldProblem.tsx';
import { languageLabel } from './language-labels.ts';

const MAX_CALLOUTS = 4;

/** One language's words for one step: title, body, callouts, the picture's description, the recording. */
export function StepTextFields({
  step,
  index,
  language,
  problems,
  outdated,
  onChange,
}: {
  step: DraftStep;
  index: number;
  language: LanguageCode;
  problems: FieldProblems;
  /** The Swedish of this step changed after this language was written. */
  outdated: boolean;
  onChange: (step: DraftStep) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const text = step.text[language] ?? EMPTY_STEP_TEXT;
  const { dir } = languageByCode(language);
  const base = `steps.${index}.text.${language}`;
  const change = (part: Partial<DraftStepText>) => {
    onChange(updateStepText(step, language, part));
  };
  const changeCallout = (at: number, part: { kind?: CalloutKind; text?: string }) => {
    change({
      callouts: text.callouts.map((callout, calloutIndex) =>
        calloutIndex === at ? { ...callout, ...part } : callout,
      ),
    });
  };
  const bodyHint = `${fieldId(`${base}.body`)}-hint`;

  return (
    <fieldset className="editor-column">
      <legend>
        {language === SOURCE_LANGUAGE
          ? t('columns.source', { language: languageLabel(language, i18n.language) })
          : t('columns.translation', { language: languageLabel(language, i18n.language) })}
      </legend>
      {outdated && (
        <p className="editor-flag editor-flag-warning">
          <span aria-hidden="true">⚠ </span>
          {t('steps.outdatedHere')}
        </p>
      )}
      <div className="editor-field">
        <label htmlFor={fieldId(`${base}.title`)}>{t('steps.stepTitle')}</label>
        <input
          {...fieldProps(problems, `${base}.title`)}
          lang={language}
          dir={dir}
          value={text.title}
          onChange={(event) => {
            change({ title: event.target.value });
          }}
        />
        <FieldProblem problems={problems} field={`${base}.title`} />
      </div>
      <div className="editor-field">
        <label htmlFor={fieldId(`${base}.body`)}>{t('steps.body')}</label>
        <textarea
          {...fieldProps(problems, `${base}.body`, bodyHint)}
          lang={language}
          dir={dir}
          rows={6}
          value={text.body}
          onChange={(event) => {
            change({ body: event.target.value });
          }}
        />
        <p className="editor-hint" id={bodyHint}>
          {t('markup.short')}
        </p>
        <FieldProblem problems={problems} field={`${base}.body`} />
      </div>
      {text.callouts.map((callout, at) => {
        const field = `${base}.callouts.${at}.text`;
        return (
          <fieldset key={at} className="editor-callout">
            <legend>{t('callouts.legend', { number: at + 1 })}</legend>
            <div className="editor-field">
              <label htmlFor={`${fieldId(field)}-kind`}>{t('callouts.kind')}</label>
              <select
                id={`${fieldId(field)}-kind`}
                value={callout.kind}
                onChange={(event) => {
                  changeCallout(at, { kind: event.target.value as CalloutKind });
                }}
              >
                {CALLOUT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`callouts.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="editor-field">
              <label htmlFor={fieldId(field)}>{t('callouts.text')}</label>
              <textarea
                {...fieldProps(problems, field)}
                lang={language}
                dir={dir}
                rows={2}
                value={callout.text}
                onChange={(event) => {
                  changeCallout(at, { text: event.target.value });
                }}
              />
              <FieldProblem problems={problems} field={field} />
            </div>
            <button
              type="button"
              className="staff-button staff-button-small"
              onClick={() => {
                change({
                  callouts: text.callouts.filter((_, calloutIndex) => calloutIndex !== at),
                });
              }}
            >
              {t('callouts.remove', { number: at + 1 })}
            </button>
          </fieldset>
        );
      })}
      {text.callouts.length < MAX_CALLOUTS && (
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            change({ callouts: [...text.callouts, { kind: 'tip', text: '' }] });
          }}
        >
          {t('callouts.add')}
        </button>
      )}
      {step.image && (
        <div className="editor-field">
          <label htmlFor={fieldId(`${base}.imageAlt`)}>{t('steps.imageAlt')}</label>
          <input
            {...fieldProps(problems, `${base}.imageAlt`)}
            lang={language}
            dir={dir}
            value={text.imageAlt ?? ''}
            onChange={(event) => {
              change({ imageAlt: event.target.value });
            }}
          />
          <FieldProblem problems={problems} field={`${base}.imageAlt`} />
        </div>
      )}
      <StepAudioField step={step} index={index} language={language} onChange={onChange} />
    </fieldset>
  );
}
