import { addDays, dohaDate } from "../platform/time/doha.js";

/** Days before a document expires when its holder is reminded and offered its renewal. */
export const EXPIRY_NOTICE_DAYS = 30;

export type DocumentStatus = "valid" | "expiring" | "expired" | "revoked";

/**
 * The first day of a renewed document's validity: the day after the current
 * one expires when that is later than the approval, else the approval day.
 * A permit expiring on 30 June 2027 renewed in April 2027 runs from 1 July 2027.
 */
export function validityStart(approvalDay: string, currentExpiryDay: string | undefined): string {
  if (!currentExpiryDay) return approvalDay;
  const next = addDays(currentExpiryDay, 1);
  return next > approvalDay ? next : approvalDay;
}

/** The last day of validity of a document issued on `issuedAt` for `months`: the day before the same date `months` later (Qatar days). */
export function validUntilFor(issuedAt: Date, months: number): string {
  return validUntilFrom(dohaDate(issuedAt), months);
}

/** The last day of validity of a document valid from `firstDay` (YYYY-MM-DD) for `months`. */
export function validUntilFrom(firstDay: string, months: number): string {
  const [y, m, d] = firstDay.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  // 31 January + 1 month is the end of February, not early March.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  return addDays(same.toISOString().slice(0, 10), -1);
}

/** Where a document stands today (in Qatar): revoked, expired, expiring within the notice period, or valid. */
export function documentStatus(
  doc: { validUntil: string | null; revokedAt: Date | null },
  now: Date = new Date(),
): DocumentStatus {
  if (doc.revokedAt) return "revoked";
  if (!doc.validUntil) return "valid";
  const today = dohaDate(now);
  if (doc.validUntil < today) return "expired";
  if (doc.validUntil <= addDays(today, EXPIRY_NOTICE_DAYS)) return "expiring";
  return "valid";
}

/** Whether the holder is offered the renewal now: an e-service renews it, and it expires soon or has expired. */
export function canRenew(doc: { validUntil: string | null; revokedAt: Date | null; renewWith: string | null }, now = new Date()) {
  const status = documentStatus(doc, now);
  return Boolean(doc.renewWith) && (status === "expiring" || status === "expired");
}
