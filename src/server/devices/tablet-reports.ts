/**
 * What a paired tablet says about itself with each content request, kept
 * for the admins' device list: which release it shows visitors, which app
 * version it runs, and how many help calls are stuck on it.
 */
import type { FastifyRequest } from 'fastify';
import { TABLET_REPORT_HEADERS } from '../../shared/api/contract.ts';
import type { Database } from '../database/open-database.ts';

const MAX_APP_VERSION_LENGTH = 40;

export interface TabletReport {
  contentRelease: number;
  appVersion: string;
  pendingCalls: number;
}

function headerText(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * The report in a content request. A header that is missing or unreadable
 * counts as "nothing said" ('' or 0): an old app must not lose its content
 * over a report.
 */
export function tabletReportOf(request: FastifyRequest, contentRelease: number): TabletReport {
  const appVersion = headerText(request, TABLET_REPORT_HEADERS.appVersion) ?? '';
  const pending = headerText(request, TABLET_REPORT_HEADERS.pendingCalls) ?? '';
  return {
    contentRelease,
    appVersion: appVersion.length <= MAX_APP_VERSION_LENGTH ? appVersion : '',
    pendingCalls: /^\d{1,9}$/.test(pending) ? Number(pending) : 0,
  };
}

export function recordTabletReport(
  db: Database,
  deviceId: number,
  report: TabletReport,
  now: Date,
): void {
  db.prepare(
    `UPDATE kiosk_devices
        SET content_release = ?, app_version = ?, pending_calls = ?, reported_at = ?
      WHERE id = ?`,
  ).run(report.contentRelease, report.appVersion, report.pendingCalls, now.toISOString(), deviceId);
}
