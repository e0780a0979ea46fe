import QRCode from 'qrcode';
import { useMemo } from 'react';

/** The blank border scanners need around the code, in modules (the standard asks for 4). */
const QUIET_ZONE = 4;

/** Each row's dark modules as runs (one <rect> per run keeps the SVG small). */
export function qrRuns(text: string): {
  size: number;
  runs: { x: number; y: number; width: number }[];
} {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: { x: number; y: number; width: number }[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1;
    for (let col = 0; col <= modules.size; col += 1) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ x: start, y: row, width: col - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/**
 * A QR code as an inline SVG, drawn from the library's module matrix (no
 * innerHTML). `label` says what it is for; the same text should be on the
 * page in words, since not everyone can scan.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, runs } = useMemo(() => qrRuns(text), [text]);
  const extent = size + QUIET_ZONE * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
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
