import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fieldErrors, problemMessage } from "../../forms/problems.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { formBody } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { checkPassword } from "../identity.js";
import { accountsHolding } from "../repository.js";
import { codeSchema, parseRegistration, REGISTRATION_ORDER } from "../schemas.js";
import { DUPLICATE_REGISTRATION, requireViewer } from "../sessions.js";
import { RegisterPage, type RegistrationValues } from "../views/RegisterPage.js";
import { CodePage, MessagePage } from "../views/SignInPages.js";
import { type AccountRouteOptions, CODE_LIMIT, REGISTRATION_LIMIT, verifyPhonePath } from "./options.js";

/** Wrong codes a registration that cannot go ahead is told are wrong before "too many" (as a real one's are). */
const TAKEN_CODES = { name: "taken-registration-codes", points: 5, seconds: 3600 };

/** What the person typed, to show again with the errors (never the passwords). */
function echo(body: Record<string, unknown>): RegistrationValues {
  const out: RegistrationValues = {};
  for (const k of REGISTRATION_ORDER.filter((field) => !field.toLowerCase().includes("password"))) {
    const v = body[k];
    if (typeof v === "string") out[k] = v.slice(0, 300);
  }
  return out;
}

function registerPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  values: RegistrationValues,
  errors: FieldError[],
) {
  const title = request.tr.t("accounts.register.title");
  return reply.page({
    status,
    title: errors.length ? request.tr.t("errors.titlePrefix", { title }) : title,
    breadcrumbs: [{ label: title }],
    body: <RegisterPage values={values} errors={errors} />,
    noindex: true,
    hideFeedback: true,
  });
}

/** Create an account: the form, the SMS code, the email link. */
export async function registerRoutes(app: FastifyInstance, { db, accounts }: AccountRouteOptions) {
  app.get("/register", async (request, reply) => registerPage(request, reply, 200, {}, []));

  app.post("/register", { preHandler: app.csrfProtection, config: { rateLimit: REGISTRATION_LIMIT } }, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = parseRegistration(body);
    const errors = parsed.success ? [] : fieldErrors(parsed.error, request.tr);
    if (parsed.success) {
      const v = parsed.data;
      const weak = checkPassword(v.password, [v.email.split("@")[0] ?? "", v.qid ?? "", v.passportNumber ?? "", v.nameEn]);
      if (weak) errors.push(problemMessage(request.tr, { field: "password", key: `accounts.errors.password.${weak}` }));
    }
    if (!parsed.success || errors.length) return registerPage(request, reply, 400, echo(body), errors);
    const v = parsed.data;
    // Details that already have an account are never named on the form: the same next step, and the owner is told by email.
    const taken = async () => {
      const owners = await accountsHolding(db, v);
      const sending = await accounts.registerTaken(owners, { phone: v.phone, password: v.password, locale: v.locale });
      await reply.signIn(null, DUPLICATE_REGISTRATION, v.phone);
      return reply.redirect(verifyPhonePath(request.locale, sending), 303);
    };
    if ((await accountsHolding(db, v)).length) return taken();
    try {
      const { user, sending } = await accounts.register({
        qid: v.qid,
        passportNumber: v.passportNumber,
        passportCountry: v.passportCountry,
        nameAr: v.nameAr,
        nameEn: v.nameEn,
        nationality: v.nationality,
        residency: v.residency,
        phone: v.phone,
        email: v.email,
        password: v.password,
        locale: v.locale,
      });
      await reply.signIn(user.id, "password");
      return reply.redirect(verifyPhonePath(request.locale, sending), 303);
    } catch (error) {
      // Two registrations racing for the same details: the database's unique constraint decides, and the second is taken.
      if (
        (error as { code?: string; cause?: { code?: string } }).code === "23505" ||
        (error as { cause?: { code?: string } }).cause?.code === "23505"
      ) {
        return taken();
      }
      throw error;
    }
  });

  const verifyPage = (request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[], notice?: string) => {
    const { tr } = request;
    const title = tr.t("accounts.verifyPhone.title");
    return reply.page({
      status,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      body: (
        <CodePage
          title={title}
          lead={tr.t("accounts.verifyPhone.lead")}
          action={localizePath(request.locale, "/register/verify-phone")}
          label={tr.t("accounts.verifyPhone.label")}
          hint={tr.t("accounts.verifyPhone.hint")}
          errors={errors}
          notice={notice}
          resend={{ action: localizePath(request.locale, "/register/resend-code"), label: tr.t("accounts.verifyPhone.resend") }}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  const pendingViewer = (request: FastifyRequest) => (request.viewer?.stage === "verify-phone" ? request.viewer : undefined);

  app.get("/register/verify-phone", async (request, reply) => {
    if (!pendingViewer(request) && !request.duplicateRegistration)
      return reply.redirect(localizePath(request.locale, request.viewer ? "/my" : "/sign-in"), 303);
    const wait = Number((request.query as Record<string, unknown>).wait);
    const notice =
      Number.isInteger(wait) && wait > 0 && wait <= 24 * 60
        ? request.tr.t("accounts.errors.sms.tooMany", { minutes: wait })
        : undefined;
    return verifyPage(request, reply, 200, [], notice);
  });

  app.post(
    "/register/verify-phone",
    { preHandler: app.csrfProtection, config: { rateLimit: CODE_LIMIT } },
    async (request, reply) => {
      const viewer = pendingViewer(request);
      const taken = request.duplicateRegistration;
      if (!viewer && !taken) return reply.redirect(localizePath(request.locale, "/sign-in"), 303);
      const parsed = codeSchema.safeParse(formBody(request.body));
      if (!parsed.success) return verifyPage(request, reply, 400, fieldErrors(parsed.error, request.tr));
      if (taken || !viewer) {
        // No code opens a registration that cannot go ahead; it is refused as any wrong code is, five times, then "too many".
        const { count } = await app.throttles.hit(TAKEN_CODES, taken?.id ?? "");
        const reason = count >= TAKEN_CODES.points ? "tooMany" : "wrong";
        return verifyPage(request, reply, 400, [
          problemMessage(request.tr, { field: "code", key: `accounts.errors.code.${reason}` }),
        ]);
      }
      const user = await accounts.find(viewer.id);
      if (!user) return reply.redirect(localizePath(request.locale, "/sign-in"), 303);
      const result = await accounts.verifyPhone(user, parsed.data.code);
      if (!result.ok) {
        return verifyPage(request, reply, 400, [
          problemMessage(request.tr, { field: "code", key: `accounts.errors.code.${result.reason}` }),
        ]);
      }
      // The email link follows the confirmed phone (a registration that cannot go ahead never gets this far).
      if (!user.emailVerifiedAt) await accounts.sendEmailLink(user);
      // A new session id now that the account is confirmed.
      await reply.signIn(user.id, "password");
      return reply.redirect(`${localizePath(user.locale === "en" ? "en" : "ar", "/my")}?welcome=1`, 303);
    },
  );

  app.post(
    "/register/resend-code",
    { preHandler: app.csrfProtection, config: { rateLimit: CODE_LIMIT } },
    async (request, reply) => {
      const viewer = pendingViewer(request);
      const user = viewer ? await accounts.find(viewer.id) : undefined;
      const taken = request.duplicateRegistration;
      if (!user && !taken) return reply.redirect(localizePath(request.locale, "/register/verify-phone"), 303);
      const sending = user
        ? await accounts.sendPhoneCode(user)
        : await accounts.textAnotherCode(taken?.phone ?? "", request.locale);
      if (!sending.sent) {
        const message = request.tr.t("accounts.errors.sms.tooMany", { minutes: sending.minutes });
        return verifyPage(request, reply, 429, [{ field: "code", message }]);
      }
      return reply.redirect(localizePath(request.locale, "/register/verify-phone"), 303);
    },
  );

  app.get("/register/confirm-email", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const result = typeof token === "string" && token.length <= 100 ? await accounts.confirmEmail(token) : { ok: false as const };
    const { tr } = request;
    return reply.page({
      status: result.ok ? 200 : 400,
      title: tr.t(result.ok ? "accounts.confirmEmail.done" : "accounts.confirmEmail.failed"),
      body: (
        <MessagePage
          title={tr.t(result.ok ? "accounts.confirmEmail.done" : "accounts.confirmEmail.failed")}
          body={tr.t(result.ok ? "accounts.confirmEmail.doneBody" : "accounts.confirmEmail.failedBody")}
          link={{ href: localizePath(request.locale, "/my"), label: tr.t("accounts.nav.my") }}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post(
    "/my/resend-email",
    { preHandler: [requireViewer, app.csrfProtection], config: { rateLimit: CODE_LIMIT } },
    async (request, reply) => {
      const user = await accounts.find(request.viewer?.id ?? "");
      if (user && !user.emailVerifiedAt) await accounts.sendEmailLink(user);
      return reply.redirect(`${localizePath(request.locale, "/my")}?emailSent=1`, 303);
    },
  );
}
