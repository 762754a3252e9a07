import { daysBetween } from "../../platform/time/doha.js";

/**
 * Freshness: every published service is due for review a set number of
 * months (CONTENT_REVIEW_MONTHS) after it was last reviewed. The workspace
 * lists those past that date and those due within DUE_SOON_DAYS.
 */

/** Services due within this many days are listed beside those already overdue. */
export const DUE_SOON_DAYS = 30;

/** Days from `today` to the review date: negative when overdue, 0 when due today. */
export function daysUntil(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

export type ReviewState = "overdue" | "due-soon";

export function reviewState(dueOn: string, today: string): ReviewState {
  return daysUntil(dueOn, today) < 0 ? "overdue" : "due-soon";
}
