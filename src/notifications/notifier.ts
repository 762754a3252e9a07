import { randomUUID } from "node:crypto";
import type { Db } from "../platform/db/client.js";
import type { Locale } from "../platform/i18n/locales.js";
import { localizePath } from "../platform/i18n/locales.js";
import { enqueue } from "./outbox.js";
import { type NotificationValues, notifications } from "./tables.js";
import { alwaysEmailed, type NotificationEvent, render } from "./templates.js";

/** Who is told, and how they asked to be told. */
export interface Recipient {
  id: string;
  email: string;
  phone: string;
  locale: string;
  notifyEmail: boolean;
  notifySms: boolean;
  nameAr: string;
  nameEn: string;
}

/**
 * Tells a person about an event: a notification in My Hukoomi, and an email
 * and a text message in their language by the channels they chose, all
 * written in the caller's transaction (the outbox sends them after).
 */
export class Notifier {
  constructor(private readonly baseUrl: string) {}

  async record(tx: Db, to: Recipient, event: NotificationEvent, values: NotificationValues, link?: string): Promise<void> {
    const id = randomUUID();
    const locale: Locale = to.locale === "en" ? "en" : "ar";
    await tx.insert(notifications).values({ id, userId: to.id, event, values, link: link ?? null });
    const full: NotificationValues = {
      ...values,
      name: { ar: to.nameAr, en: to.nameEn },
      link: link ? `${this.baseUrl}${localizePath(locale, link)}` : `${this.baseUrl}${localizePath(locale, "/my")}`,
    };
    const message = render(event, locale, full);
    if (to.notifyEmail || alwaysEmailed.has(event)) {
      await enqueue(tx, {
        notificationId: id,
        channel: "email",
        recipient: to.email,
        subject: message.subject,
        body: message.body,
        locale,
      });
    }
    if (to.notifySms) await enqueue(tx, { notificationId: id, channel: "sms", recipient: to.phone, body: message.sms, locale });
  }
}
