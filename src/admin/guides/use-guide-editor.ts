/**
 * One guide in the editor: what the server last said (`state`), the form's
 * draft, and saving it. A save names the revision it was based on; when
 * someone else saved in between, the server's 409 becomes `conflict` and
 * the form keeps every word of this editor's draft until they choose.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GuideConflict, GuideEditorState } from '../../shared/api/guide-editing.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { checkDraft, sameDraft, type FieldProblems } from './draft-editing.ts';
import { conflictOf, fetchGuide, saveDraft } from './guide-editing-api.ts';

export interface GuideEditing {
  state: GuideEditorState | undefined;
  draft: GuideDraft | undefined;
  loadProblem: ApiRequestError | undefined;
  reload: () => void;
  setDraft: (change: (draft: GuideDraft) => GuideDraft) => void;
  unsaved: boolean;
  saving: boolean;
  /** Set after a save that went through, until the next change. */
  justSaved: boolean;
  saveProblem: ApiRequestError | undefined;
  fieldProblems: FieldProblems;
  save: () => void;
  conflict: GuideConflict | undefined;
  /** Saves this editor's draft over the one saved in between. */
  keepMine: () => void;
  /** Drops this editor's changes for the draft saved in between. */
  useTheirs: () => void;
  /** Takes what a publish, revert or confirmation answered as the new state and draft. */
  adopt: (state: GuideEditorState) => void;
  /** Handles a failed publish, revert or confirmation: a conflict, or a problem to show. */
  failed: (error: unknown) => void;
}

const NO_PROBLEMS: FieldProblems = new Map();

export function useGuideEditor(guideId: string): GuideEditing {
  const [state, setState] = useState<GuideEditorState>();
  const [draft, setDraftValue] = useState<GuideDraft>();
  const [loadProblem, setLoadProblem] = useState<ApiRequestError>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [saveProblem, setSaveProblem] = useState<ApiRequestError>();
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>(NO_PROBLEMS);
  const [conflict, setConflict] = useState<GuideConflict>();

  useEffect(() => {
    const abort = new AbortController();
    fetchGuide(guideId, abort.signal).then(
      (loaded) => {
        setState(loaded);
        setDraftValue(loaded.draft);
        setLoadProblem(undefined);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setLoadProblem(asApiRequestError(error));
      },
    );
    return () => {
      abort.abort();
    };
  }, [guideId, attempt]);

  const adopt = useCallback((next: GuideEditorState) => {
    setState(next);
    setDraftValue(next.draft);
    setConflict(undefined);
    setSaveProblem(undefined);
    setFieldProblems(NO_PROBLEMS);
  }, []);

  const failed = useCallback((error: unknown) => {
    const current = conflictOf(error);
    if (current) setConflict(current);
    else setSaveProblem(asApiRequestError(error));
  }, []);

  const saveOn = (baseRevision: number) => {
    if (!draft) return;
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setFieldProblems(checked.problems);
      return;
    }
    setFieldProblems(NO_PROBLEMS);
    setSaveProblem(undefined);
    setSaving(true);
    saveDraft(guideId, baseRevision, checked.draft).then(
      (saved) => {
        setSaving(false);
        adopt(saved);
        setJustSaved(true);
      },
      (error: unknown) => {
        setSaving(false);
        failed(error);
      },
    );
  };

  return {
    state,
    draft,
    loadProblem,
    reload: () => {
      setAttempt((count) => count + 1);
    },
    setDraft: (change) => {
      setJustSaved(false);
      setDraftValue((current) => (current ? change(current) : current));
    },
    unsaved: Boolean(state && draft && !sameDraft(state.draft, draft)),
    saving,
    justSaved,
    saveProblem,
    fieldProblems,
    save: () => {
      if (state) saveOn(state.revision);
    },
    conflict,
    keepMine: () => {
      if (conflict) saveOn(conflict.current.revision);
    },
    useTheirs: () => {
      if (conflict) adopt(conflict.current);
    },
    adopt,
    failed,
  };
}
