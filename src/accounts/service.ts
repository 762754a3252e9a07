import type { Db } from "../platform/db/client.js";
import { type Locale, localizePath } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import type { Mailer, SmsSender } from "../platform/messaging/senders.js";
import { dummyPasswordHash, hashPassword, randomCode, randomToken, verifyPassword } from "./crypto.js";
import {
  clearFailedSignIns,
  consumeCode,
  consumeToken,
  createUser,
  createVerification,
  findUser,
  findUserByEmail,
  findUserByIdentifier,
  type NewUser,
  recordFailedSignIn,
  type User,
  updateUser,
  type VerificationResult,
} from "./repository.js";
import { endSessionsOf } from "./sessions.js";

/** Failed sign-ins in a row before an account locks, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const CODE_MINUTES = 10;
const EMAIL_LINK_MINUTES = 24 * 60;
const RESET_LINK_MINUTES = 30;

export type SignInOutcome = { ok: true; user: User } | { ok: false; reason: "invalid" | "locked" };

/** Registration, verification, sign-in and password reset: what accounts do, apart from how pages show it. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly baseUrl: string,
  ) {}

  private localeOf(user: User): Locale {
    return user.locale === "en" ? "en" : "ar";
  }

  async register(values: Omit<NewUser, "passwordHash"> & { password: string }): Promise<User> {
    const { password, ...rest } = values;
    const user = await createUser(this.db, {
      ...rest,
      email: rest.email.toLowerCase(),
      passwordHash: await hashPassword(password),
    });
    await this.sendPhoneCode(user);
    await this.sendEmailLink(user);
    return user;
  }

  /** Sends a six-digit code by SMS to confirm the person's mobile number. */
  async sendPhoneCode(user: User): Promise<void> {
    const code = randomCode();
    await createVerification(this.db, {
      userId: user.id,
      purpose: "phone",
      secret: code,
      target: user.phone,
      minutes: CODE_MINUTES,
    });
    await this.sms.send({
      to: user.phone,
      text: translator(this.localeOf(user)).t("accounts.messages.phoneCode", { code, minutes: CODE_MINUTES }),
    });
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
   * Checks an identifier (email, QID or passport number) and password. A
   * wrong identifier costs as long as a wrong password; repeated failures
   * lock the account for a while.
   */
  async authenticate(identifier: string, password: string): Promise<SignInOutcome> {
    const user = await findUserByIdentifier(this.db, identifier);
    if (!user?.passwordHash) {
      await verifyPassword(await dummyPasswordHash(), password);
      return { ok: false, reason: "invalid" };
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked" };
    if (!(await verifyPassword(user.passwordHash, password))) {
      await recordFailedSignIn(this.db, user.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES);
      return { ok: false, reason: "invalid" };
    }
    await clearFailedSignIns(this.db, user.id);
    return { ok: true, user };
  }

  /** Sends a reset link when the address belongs to an account; says nothing either way (no account discovery). */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await findUserByEmail(this.db, email);
    if (!user) return;
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
    await updateUser(this.db, result.userId, { passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null });
    await endSessionsOf(this.db, result.userId);
    return true;
  }

  async changePassword(user: User, password: string, keepSession: string): Promise<void> {
    await updateUser(this.db, user.id, { passwordHash: await hashPassword(password) });
    await endSessionsOf(this.db, user.id, keepSession);
  }

  find(id: string): Promise<User | undefined> {
    return findUser(this.db, id);
  }
}

/** How many people have a confirmed account (for facts and figures). */
export { countUsers as countRegisteredUsers } from "./repository.js";
