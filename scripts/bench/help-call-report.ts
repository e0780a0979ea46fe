/**
 * The help-call benchmark's report as Markdown, in the style of
 * scripts/bench.mjs: one table of figures first, then how each was taken.
 */
import type { Percentiles } from './bench-support.ts';
import type { CallsStoredResult } from './calls-stored.ts';
import type { NetworkReturnResult } from './network-return.ts';
import type { PressToStreamResult } from './press-to-stream.ts';
import type { FanOutResult } from './stream-fan-out.ts';

/** Where the CPU went during one part: the figures only mean much if "other" stays small. */
export interface CpuShare {
  part: string;
  wallSeconds: number;
  benchCpuSeconds: number;
  serverCpuSeconds: number;
  /** Every other process on the machine (e.g. a test run in another terminal). */
  otherCpuSeconds: number;
}

export interface HelpCallBenchReport {
  date: string;
  machine: string;
  cores: number;
  note: string;
  pressToStream: PressToStreamResult[];
  networkReturn: NetworkReturnResult;
  callsStored: CallsStoredResult;
  streamFanOut: FanOutResult;
  cpu: CpuShare[];
}

const ms = (value: number) => `${value} ms`;
const spread = ({ p50, p90, p99, max }: Percentiles) =>
  `p50 ${ms(p50)}, p90 ${ms(p90)}, p99 ${ms(p99)}, max ${ms(max)}`;
const p50p99 = ({ p50, p99 }: Percentiles) => `p50 ${ms(p50)}, p99 ${ms(p99)}`;

function figures(report: HelpCallBenchReport): string[] {
  const { networkReturn: back, callsStored: stored, streamFanOut: fanOut } = report;
  const largest = fanOut.steps.at(-1);
  const errors =
    Object.keys(stored.errors).length === 0 ? 'no errors' : JSON.stringify(stored.errors);
  return [
    '| What | Figure |',
    '| --- | --- |',
    ...report.pressToStream.map(
      (press) =>
        `| Press → staff stream, ${press.calls} calls from ${press.kiosks} kiosks (${press.calls / press.kiosks} each) at ${press.achievedCallsPerSecond}/s | ${spread(press.latencyMs)} |`,
    ),
    `| Network back → staff stream, with the \`online\` trigger (${back.withOnlineTriggerMs.count} calls) | median ${ms(back.withOnlineTriggerMs.p50)}, max ${ms(back.withOnlineTriggerMs.max)} |`,
    `| Network back → staff stream, backoff timers only (${back.backoffTimerOnlyMs.count} calls) | median ${ms(back.backoffTimerOnlyMs.p50)}, max ${ms(back.backoffTimerOnlyMs.max)} |`,
    `| Calls stored: ${stored.calls} PUTs from ${stored.tablets} tablets, ${stored.concurrency} at a time | ${stored.callsPerSecond} calls/s; request ${p50p99(stored.requestLatencyMs)}, max ${ms(stored.requestLatencyMs.max)}; ${errors} |`,
    ...fanOut.steps.map(
      (step) =>
        `| Fan-out to ${step.streams} staff streams (${step.calls} calls) | ${step.latencyMs ? p50p99(step.latencyMs) : 'none arrived'}${step.failure ? `; failed: ${step.failure}` : ''} |`,
    ),
    `| Most staff streams with fan-out p99 < ${fanOut.p99LimitMs} ms | ${fanOut.largestStreamsUnderLimit}${fanOut.largestStreamsUnderLimit === fanOut.streamCounts.at(-1) ? ' (the most tried)' : ''} |`,
    `| Server memory (RSS) with ${largest?.streams ?? 0} staff streams open | ${largest?.serverRssMiB ?? '–'} MiB (${fanOut.serverRssMiBBeforeStreams} MiB with none) |`,
  ];
}

function how(report: HelpCallBenchReport): string[] {
  const { networkReturn: back, callsStored: stored, streamFanOut: fanOut } = report;
  const press = report.pressToStream[0];
  return [
    `- Press → staff stream: simulated kiosks (tests/support/simulated-kiosk.ts: the real outbox on fake-indexeddb, all in the benchmark process) pressed ${press?.calls ?? 0} calls at a steady ${press?.targetCallsPerSecond ?? 0}/s overall, round-robin, after one uncounted warm-up call each; time from \`press()\` (before the call is written to the tablet's database) to the call's \`created\` event on one StaffStreamClient, both performance.now() in this process. The parts below use the server's \`receivedAt\` (millisecond wall clock, same machine). Retry policy: ${press?.retryPolicy ?? '–'}. Every flush walks all of a kiosk's open calls, and here all kiosks share one process and fake-indexeddb (a tablet has its own CPU and a native IndexedDB, and rarely more than one open call): with 50 open calls per kiosk the benchmark process, not the server, sets the pace, which the parts and the CPU table show.`,
    `- Network back: ${back.rounds} outages; in each, two tablets behind their own FaultProxy (dropBeforeRequest = 1) were pressed ${back.callsPerOutage} times each, one every ${back.pressEveryMs} ms; ${back.outageMs / 1_000} s after the first press both proxies let everything through. One tablet then got \`outbox.flush({ ignoreBackoff: true })\`, as the browser's \`online\` listener does; the other only its outbox's own timers. Time from the network's return to each call on the staff stream. Retry policy: ${back.retryPolicy}. Requests cut while down: ${back.requestsCutWhileDown}. Without the trigger, once one call's backoff ends and it reaches the server, the calls after it in the outbox (oldest first) go in the same pass, but those before it wait out their own backoff: hence the long maximum.`,
    `- Calls stored: PUT /api/help-calls/:id with fetch (no outbox), ${stored.concurrency} in flight, round-robin over ${stored.tablets} paired tablets, after ${stored.warmUpCalls} uncounted warm-up calls; one staff stream open. HELP_CALL_RATE_LIMIT_PER_MINUTE=999999. In the database afterwards: ${stored.storedInDatabase} of ${stored.calls}; on the staff stream: ${stored.onStaffStream}.`,
    `- Fan-out: ${fanOut.reader}; for each N (${fanOut.streamCounts.join(', ')}; stopping at the first failure or p99 ≥ ${fanOut.p99LimitMs} ms) ${fanOut.callsPerStep} calls were sent one at a time, each after the previous had reached every stream; time from the server storing the call (its \`receivedAt\`) to each stream's receipt (Date.now() in this process), both millisecond wall clocks on this machine. RSS is VmRSS of the server process.`,
  ];
}

export function markdown(report: HelpCallBenchReport): string {
  const { streamFanOut: fanOut } = report;
  return [
    `# Lotsen help-call benchmark, ${report.date}`,
    '',
    `${report.machine}, ${report.cores} cores. ${report.note}`,
    '',
    ...figures(report),
    '',
    '## Press → staff stream, in parts',
    '',
    '| Kiosks | Press → saved on the tablet | Saved → stored by the server | Stored → on the staff stream | p50 of the first / last 100 calls |',
    '| --- | --- | --- | --- | --- |',
    ...report.pressToStream.map(
      (press) =>
        `| ${press.kiosks} | ${p50p99(press.savedOnTabletMs)} | ${p50p99(press.savedToServerMs)} | ${p50p99(press.serverToStreamMs)} | ${ms(press.firstHundredP50Ms)} / ${ms(press.lastHundredP50Ms)} |`,
    ),
    '',
    '## How',
    '',
    ...how(report),
    '',
    '## Fan-out steps',
    '',
    '| Streams | Stored → stream | PUT round trip | Server RSS | Server CPU | Bench CPU | Wall |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...fanOut.steps.map(
      (step) =>
        `| ${step.streams} | ${step.latencyMs ? spread(step.latencyMs) : '–'} | ${step.putMs ? `p50 ${ms(step.putMs.p50)}, max ${ms(step.putMs.max)}` : '–'} | ${step.serverRssMiB} MiB | ${step.serverCpuSeconds} s | ${step.benchCpuSeconds} s | ${step.wallSeconds} s |`,
    ),
    '',
    '## Where the CPU went',
    '',
    `CPU seconds per part; with ${report.cores} cores a part can use at most ${report.cores} × its wall time.`,
    '',
    '| Part | Wall | Benchmark process | Server | Other processes |',
    '| --- | --- | --- | --- | --- |',
    ...report.cpu.map(
      (share) =>
        `| ${share.part} | ${share.wallSeconds} s | ${share.benchCpuSeconds} s | ${share.serverCpuSeconds} s | ${share.otherCpuSeconds} s |`,
    ),
    '',
  ].join('\n');
}
