/**
 * `npm run bench` (second half): how fast "Call a helper" reaches staff.
 *
 * - press → staff stream, network up: simulated kiosks with the real outbox
 * - network back → staff stream: calls stored while the Wi-Fi was down, with
 *   and without the browser's `online` trigger
 * - calls stored per second: many tablets' PUTs at once
 * - staff stream fan-out: how many staff screens one branch's stream can feed
 *
 * All traffic is on 127.0.0.1: the real server runs as a child process with
 * a fresh database for each part, everything else in this process. Figures
 * go to stdout and to reports/bench-help-calls.json and .md.
 */
// First, before anything loads Dexie: the simulated kiosks keep their outbox in an IndexedDB in Node.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import {
  endedChildrenCpuSeconds,
  machineBusySeconds,
  ownCpuSeconds,
} from './bench/bench-support.ts';
import { measureCallsStored } from './bench/calls-stored.ts';
import { markdown, type CpuShare, type HelpCallBenchReport } from './bench/help-call-report.ts';
import { measureNetworkReturn } from './bench/network-return.ts';
import { measurePressToStream } from './bench/press-to-stream.ts';
import { measureStreamFanOut } from './bench/stream-fan-out.ts';

const cpu: CpuShare[] = [];
const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

/** Runs one part and notes who used the CPU meanwhile (each part stops its server before it returns). */
async function part<T>(name: string, measure: () => Promise<T>): Promise<T> {
  console.log(`${name} …`);
  const before = {
    wall: performance.now(),
    bench: ownCpuSeconds(),
    server: endedChildrenCpuSeconds(),
    machine: machineBusySeconds(),
  };
  const result = await measure();
  const wallSeconds = (performance.now() - before.wall) / 1_000;
  const bench = ownCpuSeconds() - before.bench;
  const server = endedChildrenCpuSeconds() - before.server;
  const other = Math.max(0, machineBusySeconds() - before.machine - bench - server);
  cpu.push({
    part: name,
    wallSeconds: tenths(wallSeconds),
    benchCpuSeconds: tenths(bench),
    serverCpuSeconds: tenths(server),
    otherCpuSeconds: tenths(other),
  });
  console.log(`${name}: done in ${Math.round(wallSeconds)} s`);
  return result;
}

// A library's few tablets with many calls each, and many tablets with few: see the report for why both.
const pressToStream = [
  await part('Press → staff stream, 20 kiosks', () => measurePressToStream(20)),
  await part('Press → staff stream, 100 kiosks', () => measurePressToStream(100)),
];
const networkReturn = await part('Network back → staff stream', measureNetworkReturn);
const callsStored = await part('Calls stored per second', measureCallsStored);
const streamFanOut = await part('Staff stream fan-out', measureStreamFanOut);

const report: HelpCallBenchReport = {
  date: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  cores: availableParallelism(),
  note:
    'The server (a child process) and every client (kiosks, staff streams, load) share these cores, ' +
    'so the clients’ work is in the figures too; "Where the CPU went" shows how much.',
  pressToStream,
  networkReturn,
  callsStored,
  streamFanOut,
  cpu,
};
const text = markdown(report);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-help-calls.json', `${JSON.stringify(report, null, 2)}\n`);
writeFileSync('reports/bench-help-calls.md', text);
console.log(text);
console.log('Written to reports/bench-help-calls.json and reports/bench-help-calls.md');
