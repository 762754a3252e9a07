/**
 * Freshness: every published service is due for review a set number of
 * months (CONTENT_REVIEW_MONTHS) after it was last reviewed. The workspace
 * lists those past that date and those due within DUE_SOON_DAYS.
 */

/** Services due within this many days are listed beside those already overdue. */
export const DUE_SOON_DAYS = 30;

const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** The ISO day `days` after another. */
export function addDays(isoDay: string, days: number): string {
  return new Date((dayNumber(isoDay) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `today` to the review date: negative when overdue, 0 when due today. */
export function daysUntil(dueOn: string, today: string): number {
  return dayNumber(dueOn) - dayNumber(today);
}

export type ReviewState = "overdue" | "due-soon";

export function reviewState(dueOn: string, today: string): ReviewState {
  return daysUntil(dueOn, today) < 0 ? "overdue" : "due-soon";
}

/** An ISO day as a Date at midnight UTC, for display. */
export function dayDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}
