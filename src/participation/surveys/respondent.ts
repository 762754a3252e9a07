import { createHmac } from "node:crypto";

/**
 * Who answered, as the database keeps it: a keyed hash of the survey and
 * the person (HMAC-SHA256 with SURVEY_KEY_SECRET). The same person gets the
 * same key for a survey, so the unique index refuses a second response;
 * without the secret the key cannot be traced back to anyone.
 */
export function respondentKey(secret: string, surveyId: string, userId: string): string {
  return createHmac("sha256", secret).update(`${surveyId}:${userId}`).digest("hex");
}

/** The month of a moment, YYYY-MM (UTC, as the participation figures count). */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * When a response is recorded as made: the moment for an identified survey;
 * for an anonymous one only the first of its month, so the time of an
 * answer cannot be matched with other records of the person.
 */
export function recordedAt(anonymous: boolean, now: Date): Date {
  return anonymous ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) : now;
}
