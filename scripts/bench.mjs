// `npm run bench`: measures what a visitor waits for, and writes a report.
//
// - kiosk JS and CSS of the start route, gzip: everything the browser fetches
//   until the start screen shows its categories on a cold visit
// - cold load and offline reload to the start screen, in Debian's Chromium
//   with 4x CPU throttling, median of several runs
//
// Figures go to stdout and to reports/bench.json and reports/bench.md.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PORT = Number(process.env.BENCH_PORT ?? 4210);
const CPU_THROTTLING = 4;
// 127.0.0.1, not localhost: Node's fetch may try ::1 first, and Chromium treats both as secure.
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The start screen is drawn (language picker) … */
const START_SCREEN_SHOWN = '.start-screen .language-picker';
/** … and ready when its category tiles are on screen: the guides are on the tablet. */
const START_SCREEN_READY = '.start-screen .categories .tile';

if (
  !existsSync('dist/server/main.js') ||
  !existsSync('dist/client/index.html') ||
  process.env.BENCH_BUILD
) {
  execSync('npm run build', { stdio: 'inherit' });
}

const dataDir = mkdtempSync(join(tmpdir(), 'lotsen-bench-'));
const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const sizes = await measureStartRouteBytes();
  const coldLoads = [];
  const offlineReloads = [];
  for (let run = 0; run < RUNS; run++) {
    const { cold, offline } = await measureLoads();
    coldLoads.push(cold);
    offlineReloads.push(offline);
  }
  const report = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    runs: RUNS,
    cpuThrottling: CPU_THROTTLING,
    startRoute: sizes,
    coldLoadStartScreenShownMs: summary(coldLoads.map((load) => load.shown)),
    coldLoadGuidesReadyMs: summary(coldLoads.map((load) => load.ready)),
    offlineReloadStartScreenShownMs: summary(offlineReloads.map((load) => load.shown)),
    offlineReloadGuidesReadyMs: summary(offlineReloads.map((load) => load.ready)),
  };
  writeReport(report);
} finally {
  await browser.close();
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

function startServer() {
  const child = spawn('node', ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      try {
        const response = await fetch(`${ORIGIN}/api/health`);
        if (response.ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill();
        return reject(new Error('The server did not start within 30 s.'));
      }
      setTimeout(poll, 200);
    };
    child.on('exit', (code) => reject(new Error(`The server stopped (exit ${code}).`)));
    void poll();
  });
}

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  return page;
}

/** Milliseconds from navigation to the start screen being drawn, and to it showing the guides. */
async function timeToStartScreen(page) {
  const shown = page
    .waitForSelector(START_SCREEN_SHOWN)
    .then(() => page.evaluate(() => performance.now()));
  await page.waitForSelector(START_SCREEN_READY);
  const ready = await page.evaluate(() => performance.now());
  return { shown: await shown, ready };
}

/** One cold visit (no cache, no service worker), then an offline reload once the tablet holds everything. */
async function measureLoads() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await throttledPage(context);
    await page.goto(ORIGIN);
    const cold = await timeToStartScreen(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    await page.reload();
    const offline = await timeToStartScreen(page);
    return { cold, offline };
  } finally {
    await context.close();
  }
}

/** The bytes a cold visit fetches until the start screen is ready, gzip-compressed as the server would send them. */
async function measureStartRouteBytes() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const assets = new Set();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\.(js|css)$/.test(pathname) && !pathname.endsWith('sw.js') && !/workbox-/.test(pathname)) {
      assets.add(pathname);
    }
  });
  await page.goto(ORIGIN);
  await page.waitForSelector(START_SCREEN_READY);
  await context.close();

  const files = [...assets].map((pathname) => {
    const bytes = readFileSync(join('dist/client', pathname));
    return { file: pathname, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = (extension) =>
    files.filter((file) => file.file.endsWith(extension)).reduce((sum, file) => sum + file.gzip, 0);
  return { jsGzipBytes: total('.js'), cssGzipBytes: total('.css'), files };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median: Math.round(median), min: Math.round(sorted[0]), max: Math.round(sorted.at(-1)) };
}

function timeRow(what, { median, min, max }) {
  return `| ${what} | ${median} ms (min ${min}, max ${max}) |`;
}

function writeReport(report) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `# Lotsen benchmark, ${report.date}`,
    '',
    `${report.machine}; Chromium with ${report.cpuThrottling}x CPU throttling; median of ${report.runs} runs.`,
    '',
    '| What | Figure |',
    '| --- | --- |',
    `| Start route JS (gzip) | ${kb(report.startRoute.jsGzipBytes)} |`,
    `| Start route CSS (gzip) | ${kb(report.startRoute.cssGzipBytes)} |`,
    timeRow('Cold load: start screen drawn', report.coldLoadStartScreenShownMs),
    timeRow('Cold load: guides ready (first content sync included)', report.coldLoadGuidesReadyMs),
    timeRow('Offline reload: start screen drawn', report.offlineReloadStartScreenShownMs),
    timeRow('Offline reload: guides ready', report.offlineReloadGuidesReadyMs),
    '',
    '## Start route files',
    '',
    '| File | Raw | Gzip |',
    '| --- | --- | --- |',
    ...report.startRoute.files.map(
      (file) => `| ${file.file} | ${kb(file.raw)} | ${kb(file.gzip)} |`,
    ),
    '',
  ];
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync('reports/bench.md', lines.join('\n'));
  console.log(lines.join('\n'));
  console.log('Written to reports/bench.json and reports/bench.md');
}
