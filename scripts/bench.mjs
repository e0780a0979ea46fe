// `npm run bench`: measures what a visitor waits for, and writes a report.
//
// - kiosk JS and CSS of the start route, gzip: everything the browser fetches
//   until the start screen shows its categories on a cold visit
// - cold load and offline reload to the start screen, in Debian's Chromium
//   with 4x CPU throttling, median of several runs
//
// Figures go to stdout and to reports/bench.json and reports/bench.md.
// BENCH_DIST names the build to measure (default dist/, built when missing), so
// a build outside dist/ can be measured without touching the one others use.
// scripts/bench-lighthouse.mjs adds Lighthouse's scores to the same report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { DIST, ensureBuild, startServer, summary, writeReport } from './bench-common.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PORT = Number(process.env.BENCH_PORT ?? 4210);
const CPU_THROTTLING = 4;
/** The start screen is drawn (language picker) … */
const START_SCREEN_SHOWN = '.start-screen .language-picker';
/** … and ready when its category tiles are on screen: the guides are on the tablet. */
const START_SCREEN_READY = '.start-screen .categories .tile';

ensureBuild();
const server = await startServer(PORT);
const ORIGIN = server.origin;
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
  writeReport({
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    runs: RUNS,
    cpuThrottling: CPU_THROTTLING,
    startRoute: sizes,
    coldLoadStartScreenShownMs: summary(coldLoads.map((load) => load.shown)),
    coldLoadGuidesReadyMs: summary(coldLoads.map((load) => load.ready)),
    offlineReloadStartScreenShownMs: summary(offlineReloads.map((load) => load.shown)),
    offlineReloadGuidesReadyMs: summary(offlineReloads.map((load) => load.ready)),
  });
} finally {
  await browser.close();
  server.stop();
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

/**
 * The bytes a cold visit fetches until the start screen is ready: gzip-compressed as the
 * budget counts them, and as the server sent them to Chromium (the build's brotli copies).
 */
async function measureStartRouteBytes() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = new Map();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    // The service worker's own files run in the worker, not the page; workbox-window counts.
    if (/\.(js|css)$/.test(pathname) && !/^\/(sw|workbox-[\w-]+)\.js$/.test(pathname)) {
      // The first fetch: the content worker's own fetch of a chunk the page has comes from the cache.
      if (!requests.has(pathname)) requests.set(pathname, request);
    }
  });
  await page.goto(ORIGIN);
  await page.waitForSelector(START_SCREEN_READY);
  const files = await Promise.all(
    [...requests].map(async ([pathname, request]) => {
      await (await request.response())?.finished();
      const bytes = readFileSync(join(DIST, 'client', pathname));
      return {
        file: pathname,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        sent: (await request.sizes()).responseBodySize,
      };
    }),
  );
  await context.close();

  const total = (extension, kind) =>
    files
      .filter((file) => file.file.endsWith(extension))
      .reduce((sum, file) => sum + file[kind], 0);
  return {
    jsGzipBytes: total('.js', 'gzip'),
    cssGzipBytes: total('.css', 'gzip'),
    jsSentBytes: total('.js', 'sent'),
    cssSentBytes: total('.css', 'sent'),
    files,
  };
}
