/**
 * Library-wide settings kept in the `settings` table (key -> JSON value).
 * Settings that are per branch live in `branches` instead.
 */
import { z } from 'zod';
import { LibrarySettings } from '../../shared/api/contract.ts';
import type { Database } from '../database/open-database.ts';

const REVIEW_AFTER_DAYS = 'review_after_days';
const IDLE_RESET_SECONDS = 'idle_reset_seconds';
const PUBLIC_URL = 'public_url';

/** Half a year: long enough not to nag, short enough that a changed app screen gets noticed. */
export const DEFAULT_REVIEW_AFTER_DAYS = 180;

const ReviewAfterDays = z.number().int().min(1).max(3650);

/** Two minutes: long enough to read a step, short enough that the next visitor meets a fresh kiosk. */
export const DEFAULT_IDLE_RESET_SECONDS = 120;

const IdleResetSeconds = LibrarySettings.shape.idleResetSeconds;
const PublicUrl = LibrarySettings.shape.publicUrl;

function readSetting(db: Database, key: string): unknown {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key);
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

/** Guides whose "last verified" date is older than this many days are flagged for review. */
export function readReviewAfterDays(db: Database): number {
  const parsed = ReviewAfterDays.safeParse(readSetting(db, REVIEW_AFTER_DAYS));
  return parsed.success ? parsed.data : DEFAULT_REVIEW_AFTER_DAYS;
}

function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function writeReviewAfterDays(db: Database, days: number): void {
  writeSetting(db, REVIEW_AFTER_DAYS, ReviewAfterDays.parse(days));
}

/** Seconds without a touch before a kiosk asks "Are you still there?" and then starts over. */
export function readIdleResetSeconds(db: Database): number {
  const parsed = IdleResetSeconds.safeParse(readSetting(db, IDLE_RESET_SECONDS));
  return parsed.success ? parsed.data : DEFAULT_IDLE_RESET_SECONDS;
}

export function writeIdleResetSeconds(db: Database, seconds: number): void {
  writeSetting(db, IDLE_RESET_SECONDS, IdleResetSeconds.parse(seconds));
}

/** Where visitors' own phones reach Lotsen (for QR codes); null: wherever the tablet reaches it. */
export function readPublicUrl(db: Database): string | null {
  const parsed = PublicUrl.safeParse(readSetting(db, PUBLIC_URL));
  return parsed.success ? parsed.data : null;
}

export function writePublicUrl(db: Database, url: string | null): void {
  writeSetting(db, PUBLIC_URL, PublicUrl.parse(url));
}
