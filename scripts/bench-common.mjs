// What the browser benchmarks share: the build they measure, a server with
// the seeded guides on a fresh database, and the report they write together
// (reports/bench.json and reports/bench.md).
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The build to measure: dist/ by default (built when missing); BENCH_DIST for a build elsewhere. */
export const DIST = process.env.BENCH_DIST ?? 'dist';

/**
 * Builds dist/ from the code as it is (a dist/ left from earlier code would be
 * measured instead; it happened). `npm run bench` builds once and sets BENCH_BUILT=1
 * for its parts; another BENCH_DIST must be built already.
 */
export function ensureBuild() {
  const built =
    existsSync(join(DIST, 'server/main.js')) && existsSync(join(DIST, 'client/index.html'));
  if (DIST !== 'dist') {
    if (!built) {
      throw new Error(`${DIST} holds no build: build into it first, or leave BENCH_DIST out.`);
    }
    return;
  }
  if (built && process.env.BENCH_BUILT) return;
  execSync('npm run build', { stdio: 'inherit' });
}

/**
 * The built server on a fresh database (which it seeds with the demo branch
 * and the seed guides), listening on 127.0.0.1: not localhost, as Node's
 * fetch may try ::1 first, and Chromium treats both as secure.
 */
export async function startServer(port) {
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lotsen-bench-'));
  const child = spawn('node', [join(DIST, 'server/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: join(DIST, 'client'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      try {
        const response = await fetch(`${origin}/api/health`);
        if (response.ok) return resolve();
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        stop();
        return reject(new Error('The server did not start within 30 s.'));
      }
      setTimeout(poll, 200);
    };
    child.on('exit', (code) => reject(new Error(`The server stopped (exit ${code}).`)));
    void poll();
  });
  return { origin, stop };
}

/** Median, min and max, rounded to `decimals` places. */
export function summary(values, decimals = 0) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value) => Number(value.toFixed(decimals));
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    all: values.map(round),
  };
}

/** reports/ by default; BENCH_REPORT_DIR keeps a side build's figures apart from it. */
const REPORT_DIR = process.env.BENCH_REPORT_DIR ?? 'reports';
const REPORT_JSON = join(REPORT_DIR, 'bench.json');
const REPORT_MD = join(REPORT_DIR, 'bench.md');

/** Adds one benchmark's figures to the report (replacing its earlier ones) and prints it. */
export function writeReport(part) {
  const earlier = existsSync(REPORT_JSON) ? JSON.parse(readFileSync(REPORT_JSON, 'utf8')) : {};
  const report = { ...earlier, ...part };
  const text = renderReport(report);
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(REPORT_JSON, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(REPORT_MD, text);
  console.log(text);
  console.log(`Written to ${REPORT_JSON} and ${REPORT_MD}`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const timeRow = (what, { median, min, max }) =>
  `| ${what} | ${median} ms (min ${min}, max ${max}) |`;

function renderReport(report) {
  const lines = [`# Lotsen benchmark, ${report.date}`, '', report.machine, ''];
  if (report.startRoute) lines.push(...loadSection(report));
  if (report.lighthouse) lines.push(...lighthouseSection(report.lighthouse));
  return lines.join('\n');
}

function loadSection(report) {
  return [
    `## Kiosk start route and load times`,
    '',
    `Chromium with ${report.cpuThrottling}x CPU throttling; median of ${report.runs} runs.`,
    '',
    '| What | Figure |',
    '| --- | --- |',
    `| Start route JS (gzip) | ${kb(report.startRoute.jsGzipBytes)} |`,
    `| Start route CSS (gzip) | ${kb(report.startRoute.cssGzipBytes)} |`,
    ...(report.startRoute.jsSentBytes === undefined
      ? []
      : [
          `| Start route JS and CSS as sent (brotli) | ${kb(report.startRoute.jsSentBytes)} + ${kb(report.startRoute.cssSentBytes)} |`,
        ]),
    timeRow('Cold load: start screen drawn', report.coldLoadStartScreenShownMs),
    timeRow('Cold load: guides ready (first content sync included)', report.coldLoadGuidesReadyMs),
    timeRow('Offline reload: start screen drawn', report.offlineReloadStartScreenShownMs),
    timeRow('Offline reload: guides ready', report.offlineReloadGuidesReadyMs),
    '',
    '### Start route files',
    '',
    '| File | Raw | Gzip |',
    '| --- | --- | --- |',
    ...report.startRoute.files.map(
      (file) => `| ${file.file} | ${kb(file.raw)} | ${kb(file.gzip)} |`,
    ),
    '',
  ];
}

function lighthouseSection(lighthouse) {
  const pages = lighthouse.pages;
  const row = (what, value) => `| ${what} | ${pages.map(value).join(' | ')} |`;
  const ms = (key) => (page) => `${page.metrics[key].median} ms`;
  return [
    `## Lighthouse ${lighthouse.version}`,
    '',
    `${lighthouse.preset}; ${lighthouse.browser}; median of ${lighthouse.runs} runs, each on a fresh profile and a fresh server database.`,
    '',
    `| What | ${pages.map((page) => page.name).join(' | ')} |`,
    `| --- | ${pages.map(() => '---').join(' | ')} |`,
    row('Performance', (page) => page.scores.performance.median),
    row('Accessibility', (page) => page.scores.accessibility.median),
    row('Best practices', (page) => page.scores.bestPractices.median),
    row('First Contentful Paint', ms('firstContentfulPaint')),
    row('Largest Contentful Paint', ms('largestContentfulPaint')),
    row('Total Blocking Time', ms('totalBlockingTime')),
    row('Cumulative Layout Shift', (page) => page.metrics.cumulativeLayoutShift.median),
    row('Speed Index', ms('speedIndex')),
    // Figures from before every run was kept (an older reports/bench.json) have none.
    row('Performance, every run', (page) => page.scores.performance.all?.join(', ') ?? '–'),
    row(
      'Total Blocking Time, every run',
      (page) => page.metrics.totalBlockingTime.all?.map((value) => `${value} ms`).join(', ') ?? '–',
    ),
    row('CPU benchmark index (min–median–max)', (page) =>
      page.benchmarkIndex
        ? `${page.benchmarkIndex.min}–${page.benchmarkIndex.median}–${page.benchmarkIndex.max}`
        : '–',
    ),
    row('Scores (min–max)', (page) =>
      ['performance', 'accessibility', 'bestPractices']
        .map((key) => `${page.scores[key].min}–${page.scores[key].max}`)
        .join(', '),
    ),
    '',
    ...pages.flatMap((page) =>
      page.failedAudits.length === 0
        ? []
        : [`Audits below full marks on ${page.name}: ${page.failedAudits.join(', ')}.`, ''],
    ),
  ];
}
