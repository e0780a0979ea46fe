import { useEffect, useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';

/**
 * A file input that uploads what is chosen to the server and hands back
 * what the server stored: a step's picture or recording. Says while it
 * uploads, and shows the server's reason when it refuses the file.
 */
export function MediaUpload<Uploaded>({
  label,
  accept,
  describedBy,
  uploadingText,
  upload,
  onUploaded,
}: {
  label: string;
  accept: string;
  describedBy?: string;
  uploadingText: string;
  upload: (file: File) => Promise<Uploaded>;
  onUploaded: (uploaded: Uploaded) => void;
}) {
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<ApiRequestError>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const send = (file: File) => {
    setUploading(true);
    setProblem(undefined);
    upload(file).then(
      (uploaded) => {
        if (!mounted.current) return;
        setUploading(false);
        onUploaded(uploaded);
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setUploading(false);
        setProblem(asApiRequestError(error));
      },
    );
  };

  return (
    <>
      <div className="editor-field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          disabled={uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) send(file);
            event.target.value = '';
          }}
        />
      </div>
      {uploading && <p role="status">{uploadingText}</p>}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
    </>
  );
}
