import type { Locale } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import type { NotificationValues } from "./tables.js";

/** The events people are told about; each has a title, an email and (most) a text message in both languages. */
export const notificationEvents = [
  "submitted",
  "payment-due",
  "info-requested",
  "approved",
  "rejected",
  "payment-received",
  "refunded",
  "document-issued",
  "document-expiring",
  "draft-reminder",
  "content-review-due",
  "content-submitted",
  "content-returned",
  "content-published",
  "appointment-booked",
  "appointment-moved",
  "appointment-cancelled",
  "appointment-closed",
  "appointment-offered",
  "appointment-reminder-day",
  "appointment-reminder-soon",
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/**
 * Events told by email even when the person turned email notifications off:
 * the record of what they did, and staff's work (content due for review).
 */
export const alwaysEmailed: ReadonlySet<NotificationEvent> = new Set([
  "submitted",
  "payment-received",
  "appointment-booked",
  "content-review-due",
  "content-submitted",
  "content-returned",
  "content-published",
]);

/** The values in one language: bilingual values become the reader's. */
export function valuesIn(values: NotificationValues, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : v[locale]]));
}

export interface Rendered {
  title: string;
  subject: string;
  body: string;
  sms: string;
}

/** An event's messages in a language, from the catalogue (notifications.events.<event>.*). */
export function render(event: NotificationEvent, locale: Locale, values: NotificationValues): Rendered {
  const tr = translator(locale);
  const v = valuesIn(values, locale);
  const key = `notifications.events.${event}`;
  return {
    title: tr.t(`${key}.title`, v),
    subject: tr.t(`${key}.subject`, v),
    body: tr.t(`${key}.body`, v),
    sms: tr.t(`${key}.sms`, v),
  };
}
