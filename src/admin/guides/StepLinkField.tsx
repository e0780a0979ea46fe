import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepLink } from '../../shared/content/guide.ts';
import type { DraftStep } from '../../shared/content/guide-draft.ts';
import type { FieldProblems } from './draft-editing.ts';
import { FieldProblem, fieldId, fieldProps } from './FieldProblem.tsx';

/** What is wrong with an address, in the schema's own words; undefined when it is fine. */
export function stepLinkProblem(url: string): string | undefined {
  const parsed = StepLink.safeParse({ url });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * A page of the real service the step talks about. The kiosk shows it as a
 * QR code ("continue on your phone") and never opens it; the guide's page
 * for phones makes it a link. Empty: the step has none. A wrong address is
 * pointed out when the field is left, and again when the draft is saved.
 */
export function StepLinkField({
  step,
  index,
  problems,
  onChange,
}: {
  step: DraftStep;
  index: number;
  problems: FieldProblems;
  onChange: (change: (step: DraftStep) => DraftStep) => void;
}) {
  const { t } = useTranslation('editor');
  const [left, setLeft] = useState(false);
  const field = `steps.${index}.link.url`;
  const hintId = `${fieldId(field)}-hint`;
  const url = step.link?.url ?? '';
  const shown = new Map(problems);
  const ownProblem = left && url !== '' ? stepLinkProblem(url) : undefined;
  if (!shown.has(field) && ownProblem) shown.set(field, ownProblem);

  return (
    <div className="editor-field">
      <label htmlFor={fieldId(field)}>{t('link.label', { number: index + 1 })}</label>
      <p className="editor-hint" id={hintId}>
        {t('link.hint')}
      </p>
      <input
        {...fieldProps(shown, field, hintId)}
        type="url"
        inputMode="url"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={url}
        onChange={(event) => {
          const value = event.target.value.trim();
          onChange(({ link: _previous, ...rest }) =>
            value === '' ? rest : { ...rest, link: { url: value } },
          );
        }}
        onBlur={() => {
          setLeft(true);
        }}
      />
      <FieldProblem problems={shown} field={field} />
    </div>
  );
}
