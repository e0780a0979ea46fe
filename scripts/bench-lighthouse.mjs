// `npm run bench`, part two: Lighthouse (mobile preset: a mid-range phone on
// simulated slow 4G) in Debian's Chromium, on the kiosk's start screen and on
// a guide step, each a cold visit: a fresh browser profile and a fresh server
// database every run. Scores for performance, accessibility and best
// practices and the page-load metrics, median of BENCH_LIGHTHOUSE_RUNS (5, as
// Lighthouse's own guidance on variability advises). Each run also records
// Lighthouse's benchmark index of this machine's CPU at that moment: the
// simulation multiplies every task it sees by 4, so a host that is busy or
// slow shows in the blocking time, and the index says when it was.
//
// The guide step opens through the kiosk's deep link, /?guide=<id>&step=<n>,
// which waits for the first content sync as a new tablet would.
// Figures go to stdout and are added to reports/bench.json and reports/bench.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureBuild, startServer, summary, writeReport } from './bench-common.mjs';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 4211);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  ['firstContentfulPaint', 'first-contentful-paint'],
  ['largestContentfulPaint', 'largest-contentful-paint'],
  ['totalBlockingTime', 'total-blocking-time'],
  ['cumulativeLayoutShift', 'cumulative-layout-shift'],
  ['speedIndex', 'speed-index'],
];
/** The guide step to measure: the second step of the first guide, so it is a step mid-guide. */
const GUIDE_STEP = 2;

ensureBuild();

const runs = { start: [], guideStep: [] };
let version = '';
for (let run = 0; run < RUNS; run++) {
  // A fresh database each run: no tablet ever reported to it, no request limits carried over.
  const server = await startServer(PORT);
  try {
    const guideId = await firstGuideId(server.origin);
    const start = await audit(`${server.origin}/`);
    const guideStep = await audit(
      `${server.origin}/?guide=${encodeURIComponent(guideId)}&step=${GUIDE_STEP}&lang=sv`,
    );
    runs.start.push(start);
    runs.guideStep.push(guideStep);
    version = start.version;
  } finally {
    server.stop();
  }
}

writeReport({
  date: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  lighthouse: {
    version,
    preset: 'Mobile preset (Moto G Power emulation, simulated slow 4G and 4x CPU throttling)',
    browser: `Chromium (${CHROME_PATH}), headless`,
    runs: RUNS,
    pages: [page('Start screen', runs.start), page(`Guide step ${GUIDE_STEP}`, runs.guideStep)],
  },
});
const failed = Object.values(runs)
  .flat()
  .some((result) => result.scores.performance < 95 || result.scores.accessibility < 100);
if (failed) console.log('Below target on some run: performance at least 95, accessibility 100.');

async function firstGuideId(origin) {
  const response = await fetch(`${origin}/api/content?since=0`);
  if (!response.ok) throw new Error(`The server answered ${response.status} for content.`);
  const { guideIds } = await response.json();
  if (!guideIds?.[0]) throw new Error('The server has no published guide to measure.');
  return guideIds[0];
}

/** One Lighthouse run; once more when Chromium's trace failed (it happens on a loaded machine). */
async function audit(url) {
  try {
    return await auditOnce(url);
  } catch (error) {
    console.warn(`Lighthouse failed on ${url}; trying once more.`, error);
    return auditOnce(url);
  }
}

/** One Lighthouse run in its own browser with a new, empty profile. */
async function auditOnce(url) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lotsen-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    userDataDir,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
    return {
      version: lhr.lighthouseVersion,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
      },
      metrics: Object.fromEntries(
        METRICS.map(([key, id]) => [key, lhr.audits[id].numericValue ?? Number.NaN]),
      ),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      failedAudits: CATEGORIES.flatMap((category) =>
        lhr.categories[category].auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((result) => result.score !== null && result.score < 1)
          .map((result) => result.id),
      ),
    };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function page(name, results) {
  const scores = (key) => summary(results.map((result) => result.scores[key]));
  return {
    name,
    scores: {
      performance: scores('performance'),
      accessibility: scores('accessibility'),
      bestPractices: scores('bestPractices'),
    },
    metrics: Object.fromEntries(
      METRICS.map(([key]) => [
        key,
        summary(
          results.map((result) => result.metrics[key]),
          key === 'cumulativeLayoutShift' ? 3 : 0,
        ),
      ]),
    ),
    benchmarkIndex: summary(results.map((result) => result.benchmarkIndex)),
    failedAudits: [...new Set(results.flatMap((result) => result.failedAudits))],
  };
}
