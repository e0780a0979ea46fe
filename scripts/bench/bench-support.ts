/**
 * Small things every part of the help-call benchmark needs: waiting with a
 * limit (so a broken run stops instead of hanging), percentiles, and what a
 * visitor's press says about where they were.
 */
import { readFileSync } from 'node:fs';
import type { HelpCallContext } from '../../src/browser/outbox/outbox-records.ts';
import { HELP_NEEDS, type HelpCallRequest } from '../../src/shared/api/help-calls.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done`; throws after `timeoutMs`, so every loop of the benchmark ends by itself. */
export async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  pollMs = 20,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms: ${what}`);
    await sleep(pollMs);
  }
}

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Nearest-rank percentiles in milliseconds, to 0.1 ms. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) throw new Error('No samples to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return {
    count: sorted.length,
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Where the visitor was when they pressed: varied a little, as in a library. */
export function visitorContext(index: number): HelpCallContext {
  return {
    guideId: 'install-mobilt-bankid',
    stepNumber: (index % 8) + 1,
    language: index % 2 === 0 ? 'ar' : 'sv',
    needs: index % 3 === 0 ? [HELP_NEEDS[index % HELP_NEEDS.length] ?? 'trouble-seeing'] : [],
  };
}

/** The same, as the body a tablet PUTs. */
export function helpCallBody(index: number): HelpCallRequest {
  const context = visitorContext(index);
  return { ...context, needs: [...context.needs], pressedAt: new Date().toISOString() };
}

/** Resident memory of a process in MiB, from /proc (Linux only). */
export function residentMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`No VmRSS for process ${pid}.`);
  return Math.round((Number(kib) / 1024) * 10) / 10;
}

/** /proc/<pid>/stat from field 3 on: the command name before it sits in parentheses and may hold spaces. */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Clock ticks, 1/100 s on Linux. */
const ticks = (...values: (string | undefined)[]) =>
  values.reduce((sum, value) => sum + Number(value), 0) / 100;

/** CPU seconds a process has used so far (user + system), from /proc (Linux only). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return ticks(fields[11], fields[12]); // utime, stime: fields 14 and 15
}

/** CPU seconds of this process's children that have ended (the servers), from /proc. */
export function endedChildrenCpuSeconds(): number {
  const fields = statFields('self');
  return ticks(fields[13], fields[14]); // cutime, cstime: fields 16 and 17
}

/** CPU seconds the whole machine has been busy (all cores, all processes), from /proc/stat. */
export function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
  return ticks(user, nice, system, irq, softirq, steal);
}

/** This process's CPU seconds so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
