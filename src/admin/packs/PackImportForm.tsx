import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_PACK_EXTENSION, type PackImport } from '../../shared/api/guide-packs.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { importPack, previewPack, problemsOf } from '../guides/guide-editing-api.ts';
import { ProblemList } from '../guides/ProblemList.tsx';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { PackReport } from './PackReport.tsx';

/**
 * Importing a pack: the server checks the whole file first and says what an
 * import would do (or every problem); only then does "Import" change anything.
 */
export function PackImportForm() {
  const { t } = useTranslation('editor');
  const formId = useId();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<PackImport>();
  const [result, setResult] = useState<PackImport>();
  const [problems, setProblems] = useState<string[]>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    setBusy(false);
    const list = problemsOf(error);
    if (list) setProblems(list);
    else setProblem(asApiRequestError(error));
  };

  const check = (chosen: File) => {
    setFile(chosen);
    setPreview(undefined);
    setResult(undefined);
    setProblems(undefined);
    setProblem(undefined);
    setBusy(true);
    previewPack(chosen).then((report) => {
      setBusy(false);
      setPreview(report);
    }, fail);
  };

  const runImport = () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    importPack(file, publish).then((report) => {
      setBusy(false);
      setPreview(undefined);
      setResult(report);
    }, fail);
  };

  return (
    <section className="editor-section" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('packs.importHeading')}</h2>
      <div className="editor-field">
        <label htmlFor={`${formId}-file`}>{t('packs.chooseFile')}</label>
        <input
          id={`${formId}-file`}
          type="file"
          accept={`${GUIDE_PACK_EXTENSION},.json,application/json`}
          disabled={busy}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) check(chosen);
          }}
        />
      </div>
      {busy && <p role="status">{t('packs.checking')}</p>}
      {problems && (
        <div className="editor-alert" role="alert">
          <p>{t('packs.invalid')}</p>
          <ProblemList problems={problems} />
        </div>
      )}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
      {preview && (
        <>
          <PackReport report={preview} />
          <div className="editor-check">
            <input
              type="checkbox"
              id={`${formId}-publish`}
              checked={publish}
              onChange={(event) => {
                setPublish(event.target.checked);
              }}
            />
            <label htmlFor={`${formId}-publish`}>{t('packs.alsoPublish')}</label>
          </div>
          <button
            type="button"
            className="staff-button staff-button-primary"
            disabled={busy}
            onClick={runImport}
          >
            {t('packs.import')}
          </button>
        </>
      )}
      <div role="status">{result && <PackReport report={result} />}</div>
    </section>
  );
}
