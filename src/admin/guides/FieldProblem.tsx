import type { FieldProblems } from './draft-editing.ts';

/** The form's id for a field of the draft, e.g. "steps.0.text.ar.body" → "field-steps-0-text-ar-body". */
export const fieldId = (field: string) => `field-${field.replaceAll('.', '-')}`;

/** id, aria-invalid and aria-describedby for a field, tying its problem (and hint) to it. */
export function fieldProps(problems: FieldProblems, field: string, hintId?: string) {
  const problem = problems.get(field);
  const describedBy = [hintId, problem ? `${fieldId(field)}-problem` : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    id: fieldId(field),
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}

/** The problem with one field, under it; the shared checks write English. */
export function FieldProblem({ problems, field }: { problems: FieldProblems; field: string }) {
  const problem = problems.get(field);
  if (!problem) return null;
  return (
    <p className="editor-field-problem" id={`${fieldId(field)}-problem`} lang="en">
      {problem}
    </p>
  );
}
