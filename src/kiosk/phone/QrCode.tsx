import { useEffect, useState } from 'react';
import { qrRuns, type QrRuns } from './qr-code-runs.ts';

/** The blank border scanners need around the code, in modules (the standard asks for 4). */
const QUIET_ZONE = 4;

/**
 * A QR code as an inline SVG, drawn from the library's module matrix (no
 * innerHTML). `label` says what it is for; the same text should be on the
 * page in words, since not everyone can scan. The encoded text is in
 * data-qr-text, for tests: no QR decoder needed to check what a code says.
 * Until the library has loaded (a moment, once), an empty square of the same
 * size holds the place.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ text: string; qr: QrRuns }>();

  useEffect(() => {
    let current = true;
    qrRuns(text).then(
      (qr) => {
        if (current) setDrawn({ text, qr });
      },
      (error: unknown) => {
        console.error('Could not draw a QR code', error);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  if (drawn?.text !== text) return <span className="qr-code qr-code-pending" aria-hidden="true" />;
  const { size, runs } = drawn.qr;
  const extent = size + QUIET_ZONE * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      data-qr-text={text}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      {runs.map((run) => (
        <rect
          key={`${run.x},${run.y}`}
          x={run.x + QUIET_ZONE}
          y={run.y + QUIET_ZONE}
          width={run.width}
          height={1}
          fill="#000000"
        />
      ))}
    </svg>
  );
}
