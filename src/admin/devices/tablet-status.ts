import type { KioskDeviceDetails } from '../../shared/api/devices.ts';

export type PairingStatus = 'waiting' | 'paired' | 'revoked';

/** Revoked wins: a revoked tablet keeps its old pairing date. */
export function pairingStatus(device: KioskDeviceDetails): PairingStatus {
  if (device.revokedAt !== null) return 'revoked';
  return device.enrolledAt === null ? 'waiting' : 'paired';
}

export type ContentStatus =
  | { state: 'neverSynced' }
  | { state: 'upToDate'; release: number }
  | { state: 'behind'; release: number; latest: number };

/** Whether the tablet shows visitors the newest published guides, from its last content request. */
export function contentStatus(device: KioskDeviceDetails): ContentStatus {
  if (device.report === null) return { state: 'neverSynced' };
  const release = device.report.contentRelease;
  return release >= device.latestRelease
    ? { state: 'upToDate', release }
    : { state: 'behind', release, latest: device.latestRelease };
}

/** Tablets grouped by branch, branches by name, tablets by name within each. */
export function tabletsByBranch(
  devices: readonly KioskDeviceDetails[],
  language: string,
): { branchId: number; branchName: string; devices: KioskDeviceDetails[] }[] {
  const byName = new Intl.Collator(language).compare;
  const groups = new Map<
    number,
    { branchId: number; branchName: string; devices: KioskDeviceDetails[] }
  >();
  for (const device of devices) {
    const group = groups.get(device.branchId) ?? {
      branchId: device.branchId,
      branchName: device.branchName,
      devices: [],
    };
    group.devices.push(device);
    groups.set(device.branchId, group);
  }
  return [...groups.values()]
    .sort((a, b) => byName(a.branchName, b.branchName))
    .map((group) => ({ ...group, devices: group.devices.sort((a, b) => byName(a.name, b.name)) }));
}
