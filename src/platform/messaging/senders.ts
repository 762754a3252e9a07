import { desc } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../db/client.js";
import { devMessages } from "./tables.js";

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The language of the message, for the Content-Language header. */
  locale: string;
  /** A stable id for the message (Message-ID), so a message sent again after a crash is recognised as the same. */
  id?: string | undefined;
}

export interface Sms {
  to: string;
  text: string;
}

/** Sends email. SMTP through nodemailer in production; the development outbox otherwise. */
export interface Mailer {
  send(email: Email): Promise<void>;
}

/** Sends text messages through a provider. */
export interface SmsSender {
  send(sms: Sms): Promise<void>;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(email: Email): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      headers: { "Content-Language": email.locale },
      ...(email.id ? { messageId: `<${email.id}@hukoomi.portal>` } : {}),
    });
  }
}

/**
 * An SMS gateway reached over HTTP: POSTs { to, text } as JSON with a
 * bearer token; any 2xx answer means accepted.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  async send(sms: Sms): Promise<void> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(sms),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
  }
}

/** The development outbox: messages are kept in the database and shown at /dev/messages. */
export class DevOutbox implements Mailer, SmsSender {
  constructor(
    private readonly db: Db,
    private readonly channel: "email" | "sms",
  ) {}

  async send(message: Email | Sms): Promise<void> {
    await this.db.insert(devMessages).values({
      channel: this.channel,
      recipient: message.to,
      subject: "subject" in message ? message.subject : null,
      body: message.text,
    });
  }
}

export async function recentDevMessages(db: Db, limit = 50) {
  return db.select().from(devMessages).orderBy(desc(devMessages.id)).limit(limit);
}
