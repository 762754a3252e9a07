import type { Db } from "../platform/db/client.js";
import type { ThrottleRule, Throttles } from "../platform/http/throttle.js";
import { type Locale, localizePath } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import type { Mailer, SmsSender } from "../platform/messaging/senders.js";
import { compactIdentifier, readSignInIdentifier } from "../platform/text/identifiers.js";
import { dummyPasswordHash, hashPassword, randomCode, randomToken, verifyPassword } from "./crypto.js";
import {
  consumeCode,
  consumeToken,
  createUser,
  createVerification,
  findUser,
  findUserByEmail,
  findUserByIdentifier,
  type NewUser,
  type User,
  updateUser,
  type VerificationResult,
} from "./repository.js";
import { endSessionsOf } from "./sessions.js";

/**
 * Wrong passwords are slowed, never locked: five in a row for one
 * identifier from one address, then a pause that doubles with each further
 * failure (30 seconds, 1, 2, 4… minutes, at most an hour) for that pair
 * only, so nobody can lock someone else out from elsewhere; and at most 50
 * failures an hour from one address, whatever it tries. An identifier with
 * no account is counted exactly like one that has (nothing tells them apart).
 */
const FREE_FAILURES = 5;
const SIGN_IN_FAILURES: ThrottleRule = { name: "sign-in-failures", points: 10_000, seconds: 24 * 3600 };
const SIGN_IN_PAUSE: ThrottleRule = { name: "sign-in-pause", points: 1, seconds: 1 };
const ADDRESS_FAILURES: ThrottleRule = { name: "sign-in-address-failures", points: 50, seconds: 3600 };
const MAX_PAUSE_SECONDS = 3600;

const CODE_MINUTES = 10;
const EMAIL_LINK_MINUTES = 24 * 60;
const RESET_LINK_MINUTES = 30;

/**
 * Text messages with codes: at most 3 to one number in 10 minutes and 10 a
 * day, 5 to one account an hour, and 600 a minute from the whole portal (a
 * safety valve against a flood, whoever sends it), counted on every instance.
 */
export const SMS_PER_PHONE: ThrottleRule = { name: "sms-phone", points: 3, seconds: 10 * 60 };
export const SMS_PER_PHONE_DAY: ThrottleRule = { name: "sms-phone-day", points: 10, seconds: 24 * 3600 };
export const SMS_PER_ACCOUNT: ThrottleRule = { name: "sms-account", points: 5, seconds: 3600 };
export const SMS_OVERALL: ThrottleRule = { name: "sms-overall", points: 600, seconds: 60 };

/** Whether a code went out, or how long to wait before asking for another. */
export type CodeSending = { sent: true } | { sent: false; minutes: number };

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "paused"; minutes: number };

/** Registration, verification, sign-in and password reset: what accounts do, apart from how pages show it. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly baseUrl: string,
    /** Counters shared by every instance: how many codes a number or an account was sent. */
    private readonly throttles: Throttles,
    /** Ends what other areas keep for a person (identity-provider sessions and grants), when all their sessions must end. */
    private readonly endElsewhere: (userId: string) => Promise<void> = async () => undefined,
    /** Where a failure of work done after answering (sending a reset link) is reported. */
    private readonly warn: (error: unknown) => void = () => undefined,
  ) {}

  private localeOf(user: User): Locale {
    return user.locale === "en" ? "en" : "ar";
  }

  /**
   * Creates an account and texts the code that confirms its phone. The email
   * link follows once the phone is confirmed (so a registration that cannot
   * go ahead is indistinguishable: both send one text, nothing else).
   */
  async register(values: Omit<NewUser, "passwordHash"> & { password: string }): Promise<{ user: User; sending: CodeSending }> {
    const { password, ...rest } = values;
    const user = await createUser(this.db, {
      ...rest,
      email: rest.email.toLowerCase(),
      passwordHash: await hashPassword(password),
    });
    return { user, sending: await this.sendPhoneCode(user) };
  }

  /**
   * A registration whose email or ID already has an account: answered like
   * any other (the same work, the same text message with a code, which opens
   * nothing), so the form never says which details are taken; the account's
   * owner is told by email instead, with the way to sign in or reset.
   */
  async registerTaken(owners: User[], values: { phone: string; password: string; locale: string }): Promise<CodeSending> {
    await hashPassword(values.password);
    const sending = await this.textCode(values.phone, `taken:${values.phone}`, values.locale === "en" ? "en" : "ar");
    for (const owner of owners) this.inBackground(this.tellOwnerOfAttempt(owner));
    return sending;
  }

  /** Another code for a registration that cannot go ahead (asked for again, as anyone may). */
  textAnotherCode(phone: string, locale: Locale): Promise<CodeSending> {
    return this.textCode(phone, `taken:${phone}`, locale);
  }

  private async tellOwnerOfAttempt(owner: User): Promise<void> {
    const locale = this.localeOf(owner);
    const tr = translator(locale);
    await this.mailer.send({
      to: owner.email,
      locale,
      subject: tr.t("accounts.messages.registrationAttemptSubject"),
      text: tr.t("accounts.messages.registrationAttemptBody", {
        name: locale === "en" ? owner.nameEn : owner.nameAr,
        signIn: `${this.baseUrl}${localizePath(locale, "/sign-in")}`,
        reset: `${this.baseUrl}${localizePath(locale, "/reset-password")}`,
      }),
    });
  }

  /**
   * Sends a six-digit code by SMS to confirm the person's mobile number,
   * within the limits (per number, per account, and for the whole portal);
   * past them nothing is sent and the person is told how long to wait.
   */
  async sendPhoneCode(user: User): Promise<CodeSending> {
    return this.textCode(user.phone, user.id, this.localeOf(user), (code) =>
      createVerification(this.db, { userId: user.id, purpose: "phone", secret: code, target: user.phone, minutes: CODE_MINUTES }),
    );
  }

  /** Texts a code to a number within the limits; `keep` stores it (a registration that cannot go ahead keeps none). */
  private async textCode(
    phone: string,
    account: string,
    locale: Locale,
    keep?: (code: string) => Promise<unknown>,
  ): Promise<CodeSending> {
    for (const [rule, key] of [
      [SMS_PER_PHONE, phone],
      [SMS_PER_PHONE_DAY, phone],
      [SMS_PER_ACCOUNT, account],
      [SMS_OVERALL, "all"],
    ] as const) {
      const verdict = await this.throttles.hit(rule, key);
      if (!verdict.allowed) return { sent: false, minutes: Math.ceil(verdict.retryAfterSeconds / 60) };
    }
    const code = randomCode();
    await keep?.(code);
    await this.sms.send({
      to: phone,
      text: translator(locale).t("accounts.messages.phoneCode", { code, minutes: CODE_MINUTES }),
    });
    return { sent: true };
  }

  async verifyPhone(user: User, code: string): Promise<VerificationResult> {
    const result = await consumeCode(this.db, user.id, "phone", code.trim());
    if (result.ok) await updateUser(this.db, user.id, { phoneVerifiedAt: new Date() });
    return result;
  }

  /** Sends a link by email to confirm the person's email address. */
  async sendEmailLink(user: User): Promise<void> {
    const token = randomToken();
    await createVerification(this.db, {
      userId: user.id,
      purpose: "email",
      secret: token,
      target: user.email,
      minutes: EMAIL_LINK_MINUTES,
    });
    const locale = this.localeOf(user);
    const tr = translator(locale);
    const link = `${this.baseUrl}${localizePath(locale, "/register/confirm-email")}?token=${token}`;
    await this.mailer.send({
      to: user.email,
      locale,
      subject: tr.t("accounts.messages.emailConfirmSubject"),
      text: tr.t("accounts.messages.emailConfirmBody", { name: locale === "en" ? user.nameEn : user.nameAr, link }),
    });
  }

  async confirmEmail(token: string): Promise<VerificationResult> {
    const result = await consumeToken(this.db, "email", token);
    if (result.ok) await updateUser(this.db, result.userId, { emailVerifiedAt: new Date() });
    return result;
  }

  /**
   * Checks an identifier (email, QID or passport number) and password from
   * an address. A wrong identifier costs as long as a wrong password, and
   * repeated failures pause that identifier from that address (see above).
   */
  async authenticate(identifier: string, password: string, address: string): Promise<SignInOutcome> {
    // Pauses follow the account's identifier however it is typed (Arabic-Indic digits, spaces, capitals).
    const read = readSignInIdentifier(identifier);
    const key = read
      ? read.kind === "email"
        ? read.email
        : read.kind === "qid"
          ? read.qid
          : read.number
      : compactIdentifier(identifier);
    const pair = `${key}|${address}`;
    const pause = await this.throttles.peek(SIGN_IN_PAUSE, pair);
    const fromAddress = await this.throttles.peek(ADDRESS_FAILURES, address);
    const pairPaused = pause.count > SIGN_IN_PAUSE.points;
    const addressPaused = fromAddress.count >= ADDRESS_FAILURES.points;
    if (pairPaused || addressPaused) {
      const seconds = Math.max(pairPaused ? pause.retryAfterSeconds : 0, addressPaused ? fromAddress.retryAfterSeconds : 0);
      return { ok: false, reason: "paused", minutes: Math.max(1, Math.ceil(seconds / 60)) };
    }
    const user = await findUserByIdentifier(this.db, identifier);
    const known = Boolean(user?.passwordHash && !user.disabledAt);
    const right = await verifyPassword(known && user?.passwordHash ? user.passwordHash : await dummyPasswordHash(), password);
    if (known && right && user) {
      await this.throttles.reset(SIGN_IN_FAILURES, pair);
      return { ok: true, user };
    }
    const failures = (await this.throttles.hit(SIGN_IN_FAILURES, pair)).count;
    await this.throttles.hit(ADDRESS_FAILURES, address);
    if (failures >= FREE_FAILURES) {
      await this.throttles.block(SIGN_IN_PAUSE, pair, Math.min(MAX_PAUSE_SECONDS, 30 * 2 ** (failures - FREE_FAILURES)));
    }
    return { ok: false, reason: "invalid" };
  }

  /**
   * Sends a reset link when the address belongs to an account; says nothing
   * either way (no account discovery), and takes as long either way: the
   * answer waits for the one look-up only, the link is made and mailed after
   * it (a slow mail server would otherwise show which addresses have an account).
   */
  /** Sends a reset link to the email of the account an identifier names (email, QID or passport number, as at sign-in). */
  async requestPasswordReset(identifier: string): Promise<void> {
    const user = await findUserByIdentifier(this.db, identifier);
    if (!user) return;
    this.inBackground(this.sendResetLink(user));
  }

  /** Work done after answering (its failure logged), awaited by settled(). */
  private inBackground(work: Promise<void>): void {
    const done = work.catch(this.warn);
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Resolves once every reset link asked for so far has been sent or has failed (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  private readonly pending = new Set<Promise<void>>();

  private async sendResetLink(user: User): Promise<void> {
    const token = randomToken();
    await createVerification(this.db, { userId: user.id, purpose: "reset", secret: token, minutes: RESET_LINK_MINUTES });
    const locale = this.localeOf(user);
    const tr = translator(locale);
    await this.mailer.send({
      to: user.email,
      locale,
      subject: tr.t("accounts.messages.resetSubject"),
      text: tr.t("accounts.messages.resetBody", {
        name: locale === "en" ? user.nameEn : user.nameAr,
        link: `${this.baseUrl}${localizePath(locale, "/reset-password")}/${token}`,
        minutes: RESET_LINK_MINUTES,
      }),
    });
  }

  /** Sets a new password from a reset link, and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<boolean> {
    const result = await consumeToken(this.db, "reset", token);
    if (!result.ok) return false;
    await updateUser(this.db, result.userId, { passwordHash: await hashPassword(password) });
    await endSessionsOf(this.db, result.userId);
    await this.endElsewhere(result.userId);
    return true;
  }

  /** Ends every session a person has, here and elsewhere (identity-provider sessions and grants): an account turned off. */
  async endEverySession(userId: string): Promise<void> {
    await endSessionsOf(this.db, userId);
    await this.endElsewhere(userId);
  }

  async changePassword(user: User, password: string, keepSession: string): Promise<void> {
    await updateUser(this.db, user.id, { passwordHash: await hashPassword(password) });
    await endSessionsOf(this.db, user.id, keepSession);
  }

  find(id: string): Promise<User | undefined> {
    return findUser(this.db, id);
  }
}

/**
 * What other areas read and write of people and their roles: the accounts
 * repository stays inside accounts, these are its public operations
 * (countRegisteredUsers: how many people have a confirmed account, for facts and figures).
 */
export {
  accountIdsWith,
  agenciesWithRole,
  countUsers as countRegisteredUsers,
  countUsersWithPersona,
  createUser,
  findUser,
  findUserByEmail,
  grantRole,
  LastAdministratorError,
  listStaff,
  logDataAccess,
  logDataAccessOnce,
  namesOf,
  peopleWithRole,
  revokeRole,
  rolesOf,
  type StaffMember,
  type User,
  updateUser,
  usersWithRole,
} from "./repository.js";
