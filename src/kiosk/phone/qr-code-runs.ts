/**
 * A QR code's dark modules, worked out by the qrcode library. The library is
 * loaded the first time a code is drawn, not with the start screen: most
 * visitors never see a QR code. Its chunk is precached like every kiosk chunk,
 * so a code still draws with the network down.
 */
import type * as QRCodeLibrary from 'qrcode';

export interface QrRuns {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Each row's dark modules as runs (one <rect> per run keeps the SVG small). */
  runs: { x: number; y: number; width: number }[];
}

/** The part of qrcode's module matrix that is read here. */
interface QrModules {
  size: number;
  get: (row: number, col: number) => number;
}

let library: Promise<typeof QRCodeLibrary> | undefined;

function loadLibrary(): Promise<typeof QRCodeLibrary> {
  library ??= import('qrcode').catch((error: unknown) => {
    // Let the next code try again (e.g. once the network is back on a kiosk not yet cached).
    library = undefined;
    throw error;
  });
  return library;
}

/** The runs of a module matrix, row by row. */
export function runsOf(modules: QrModules): QrRuns {
  const runs: QrRuns['runs'] = [];
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

/** The QR code of `text` (error correction M: survives a smudge on the tablet's glass). */
export async function qrRuns(text: string): Promise<QrRuns> {
  const QRCode = await loadLibrary();
  return runsOf(QRCode.create(text, { errorCorrectionLevel: 'M' }).modules);
}
