/**
 * Library-wide settings kept in the `settings` table (key -> JSON value).
 * Settings that are per branch live in `branches` instead.
 */
import { z } from 'zod';
import type { Database } from '../database/open-database.ts';

const REVIEW_AFTER_DAYS = 'review_after_days';

/** Half a year: long enough not to nag, short enough that a changed app screen gets noticed. */
export const DEFAULT_REVIEW_AFTER_DAYS = 180;

const ReviewAfterDays = z.number().int().min(1).max(3650);

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

export function writeReviewAfterDays(db: Database, days: number): void {
  const value = ReviewAfterDays.parse(days);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(REVIEW_AFTER_DAYS, JSON.stringify(value));
}
