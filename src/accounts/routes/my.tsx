import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { listServices, listTerms, personaFamily, servicesBySlugs } from "../../catalogue/service.js";
import { fieldErrors, problemMessage } from "../../forms/problems.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { formBody } from "../../platform/http/forms.js";
import { slugSchema } from "../../platform/http/slug.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { verifyPassword } from "../crypto.js";
import { checkPassword } from "../identity.js";
import { hasRole, type StaffRole } from "../model.js";
import { dataAccessFor, findUserByEmail, savedServiceSlugs, saveService, type User, updateUser } from "../repository.js";
import { codeSchema, newPasswordSchema, profileSchema } from "../schemas.js";
import { checkSecondStep, refusalOf } from "../second-step.js";
import { endSessionsOf, requireViewer, safeReturnTo } from "../sessions.js";
import { newTotpSecret, totpSetup } from "../totp.js";
import { DashboardPage, ProfilePage, type ProfileValues } from "../views/MyPages.js";
import { SecurityPage, TotpSetupPage } from "../views/SecurityPages.js";
import { type AccountRouteOptions, verifyPhonePath } from "./options.js";

/** Staff tools, shown on the dashboard to those whose roles open them. */
const staffLinks: { path: string; labelKey: string; role: StaffRole }[] = [
  { path: "/admin", labelKey: "admin.title", role: "admin" },
  { path: "/admin/idp-clients", labelKey: "idp.clients.title", role: "admin" },
  { path: "/workspace/cases", labelKey: "accounts.my.staff.cases", role: "officer" },
  { path: "/workspace/datasets", labelKey: "opendata.workspace.myLink", role: "editor" },
  // The agency workspace's home, once for whichever of its roles the person holds.
  ...(["editor", "approver", "officer"] as const).map((role) => ({ path: "/workspace", labelKey: "workspace.my.link", role })),
];

/** Sections of the dashboard that other capabilities fill in; empty until they do. */
export const dashboardSections = ["requests", "drafts", "appointments", "documents", "payments", "notifications"];

async function currentUser(request: FastifyRequest, accounts: AccountRouteOptions["accounts"]): Promise<User> {
  const user = await accounts.find(request.viewer?.id ?? "");
  if (!user) throw new NotFoundError();
  return user;
}

function profileValues(user: User): ProfileValues {
  return {
    identity: user.qid ?? `${user.passportNumber ?? ""} (${user.passportCountry ?? ""})`,
    nameAr: user.nameAr,
    nameEn: user.nameEn,
    nationality: user.nationality,
    residency: user.residency,
    persona: user.persona ?? "",
    phone: user.phone,
    email: user.email,
    locale: user.locale,
    notify: [...(user.notifyEmail ? ["email"] : []), ...(user.notifySms ? ["sms"] : [])],
  };
}

const saveServiceBody = z.object({
  service: slugSchema({ max: 120 }),
  saved: z.enum(["1", "0"]),
  returnTo: z.string().optional(),
});

/** My Hukoomi: the dashboard, the profile and security settings, saved services. */
export async function myRoutes(
  app: FastifyInstance,
  { db, accounts, onSignOutEverywhere, dashboardSections: providers = [] }: AccountRouteOptions,
) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  app.get("/my", guarded, async (request, reply) => {
    const user = await currentUser(request, accounts);
    const { locale, tr } = request;
    const personas = await listTerms(db, "persona");
    const persona = personas.find((p) => p.slug === user.persona);
    const [saved, recommended, access, filled] = await Promise.all([
      savedServiceSlugs(db, user.id).then((slugs) => servicesBySlugs(db, slugs)),
      persona
        ? listServices(db, { personas: personaFamily(personas, persona.slug), page: 1, pageSize: 6 })
        : Promise.resolve({ total: 0, items: [] }),
      dataAccessFor(db, user.id),
      Promise.all(providers.map((provide) => provide(request, user.id))).then(
        (parts) => Object.assign({}, ...parts) as Record<string, preact.ComponentChildren>,
      ),
    ]);
    const q = request.query as Record<string, unknown>;
    const notice =
      q.welcome === "1"
        ? tr.t("accounts.my.welcomeNew")
        : q.emailSent === "1"
          ? tr.t("accounts.my.emailSent")
          : q.draftDeleted === "1"
            ? tr.t("accounts.my.draftDeleted")
            : undefined;
    return reply.page({
      title: tr.t("accounts.my.title"),
      breadcrumbs: [{ label: tr.t("accounts.my.title") }],
      body: (
        <DashboardPage
          data={{
            name: locale === "en" ? user.nameEn : user.nameAr,
            emailConfirmed: Boolean(user.emailVerifiedAt),
            saved,
            recommended: recommended.items,
            personaName: persona
              ? persona.parentName
                ? tr.t("catalogue.persona.childLabel", { persona: persona.parentName[locale], child: persona.name[locale] })
                : persona.name[locale]
              : undefined,
            dataAccess: access,
            sections: dashboardSections.map((key) => ({ key, content: filled[key] })),
            notice,
            staffLinks: staffLinks
              .filter((l) => hasRole(request.viewer, l.role))
              .filter((l, i, shown) => shown.findIndex((o) => o.path === l.path) === i),
          }}
        />
      ),
      noindex: true,
    });
  });

  const profilePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: ProfileValues,
    errors: FieldError[],
    saved = false,
  ) => {
    const { tr } = request;
    const title = tr.t("accounts.profile.title");
    return reply.page({
      status,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: tr.t("accounts.my.title"), path: "/my" }, { label: title }],
      body: <ProfilePage values={values} errors={errors} personas={await listTerms(db, "persona")} saved={saved} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get("/my/profile", guarded, async (request, reply) => {
    const user = await currentUser(request, accounts);
    return profilePage(request, reply, 200, profileValues(user), [], (request.query as Record<string, unknown>).saved === "1");
  });

  app.post("/my/profile", guardedPost, async (request, reply) => {
    const user = await currentUser(request, accounts);
    const body = formBody(request.body);
    const parsed = profileSchema.safeParse(body);
    const errors = parsed.success ? [] : fieldErrors(parsed.error, request.tr);
    if (parsed.success && parsed.data.email !== user.email) {
      const other = await findUserByEmail(db, parsed.data.email);
      if (other && other.id !== user.id)
        errors.push(problemMessage(request.tr, { field: "email", key: "accounts.errors.emailTaken" }));
    }
    if (!parsed.success || errors.length) {
      const echoed: ProfileValues = { ...profileValues(user) };
      for (const k of ["nameAr", "nameEn", "nationality", "residency", "persona", "phone", "email", "locale"]) {
        if (typeof body[k] === "string") echoed[k] = (body[k] as string).slice(0, 300);
      }
      return profilePage(request, reply, 400, echoed, errors);
    }
    const v = parsed.data;
    const personas = await listTerms(db, "persona");
    const notify = Array.isArray(v.notify) ? v.notify : v.notify ? [v.notify] : [];
    const phoneChanged = v.phone !== user.phone;
    const emailChanged = v.email !== user.email;
    await updateUser(db, user.id, {
      nameAr: v.nameAr,
      nameEn: v.nameEn,
      nationality: v.nationality,
      residency: v.residency,
      persona: personas.some((p) => p.slug === v.persona) ? v.persona : null,
      phone: v.phone,
      email: v.email,
      locale: v.locale,
      notifyEmail: notify.includes("email"),
      notifySms: notify.includes("sms"),
      ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
      ...(emailChanged ? { emailVerifiedAt: null } : {}),
    });
    const updated = await currentUser(request, accounts);
    if (emailChanged) await accounts.sendEmailLink(updated);
    if (phoneChanged) {
      return reply.redirect(verifyPhonePath(request.locale, await accounts.sendPhoneCode(updated)), 303);
    }
    // Saved in the language of the page, whatever language the person chose for their messages.
    return reply.redirect(`${localizePath(request.locale, "/my/profile")}?saved=1`, 303);
  });

  const securityPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    props: { errors?: FieldError[]; notice?: string; form?: "password" | "totp" },
  ) => {
    const user = await currentUser(request, accounts);
    const { tr } = request;
    const title = tr.t("accounts.security.title");
    return reply.page({
      status,
      title: props.errors?.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: tr.t("accounts.my.title"), path: "/my" }, { label: title }],
      body: <SecurityPage totpEnabled={Boolean(user.totpEnabledAt)} {...props} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get("/my/security", guarded, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    const notice =
      typeof done === "string" && /^[a-zA-Z]{1,20}$/.test(done) ? request.tr.t(`accounts.security.done.${done}`) : undefined;
    return securityPage(request, reply, 200, notice && request.tr.has(`accounts.security.done.${done}`) ? { notice } : {});
  });

  const setupPage = async (request: FastifyRequest, reply: FastifyReply, user: User, status: number, errors: FieldError[]) => {
    const secret = user.totpSecret ?? "";
    const { qrDataUrl } = await totpSetup(secret, user.email);
    return reply.page({
      status,
      title: request.tr.t("accounts.security.totp.setUpTitle"),
      body: <TotpSetupPage qrDataUrl={qrDataUrl} secret={secret} errors={errors} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  app.post("/my/security/totp", guardedPost, async (request, reply) => {
    const user = await currentUser(request, accounts);
    if (user.totpEnabledAt) return reply.redirect(localizePath(request.locale, "/my/security"), 303);
    await updateUser(db, user.id, { totpSecret: newTotpSecret(), totpEnabledAt: null, totpLastStep: null });
    return setupPage(request, reply, await currentUser(request, accounts), 200, []);
  });

  app.post("/my/security/totp/confirm", guardedPost, async (request, reply) => {
    const user = await currentUser(request, accounts);
    if (!user.totpSecret || user.totpEnabledAt) return reply.redirect(localizePath(request.locale, "/my/security"), 303);
    const parsed = codeSchema.safeParse(formBody(request.body));
    if (!parsed.success) return setupPage(request, reply, user, 400, fieldErrors(parsed.error, request.tr));
    const outcome = await checkSecondStep(db, app.throttles, user, parsed.data.code);
    if (!outcome.ok) {
      const { status, errors } = refusalOf(outcome, request.tr);
      return setupPage(request, reply, user, status, errors);
    }
    await updateUser(db, user.id, { totpEnabledAt: new Date() });
    return reply.redirect(`${localizePath(request.locale, "/my/security")}?done=totpOn`, 303);
  });

  app.post("/my/security/totp/disable", guardedPost, async (request, reply) => {
    const user = await currentUser(request, accounts);
    const password = formBody(request.body).password;
    if (typeof password !== "string" || !user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      return securityPage(request, reply, 400, {
        errors: [problemMessage(request.tr, { field: "disable-password", key: "accounts.errors.passwordWrong" })],
        form: "totp",
      });
    }
    await updateUser(db, user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    return reply.redirect(`${localizePath(request.locale, "/my/security")}?done=totpOff`, 303);
  });

  app.post("/my/security/password", guardedPost, async (request, reply) => {
    const user = await currentUser(request, accounts);
    const body = formBody(request.body);
    const errors: FieldError[] = [];
    const current = body.currentPassword;
    if (typeof current !== "string" || !user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
      errors.push(problemMessage(request.tr, { field: "currentPassword", key: "accounts.errors.passwordWrong" }));
    }
    const parsed = newPasswordSchema.safeParse(body);
    if (!parsed.success) errors.push(...fieldErrors(parsed.error, request.tr));
    else {
      const weak = checkPassword(parsed.data.password, [user.email.split("@")[0] ?? "", user.qid ?? "", user.nameEn]);
      if (weak) errors.push(problemMessage(request.tr, { field: "password", key: `accounts.errors.password.${weak}` }));
    }
    if (errors.length || !parsed.success) return securityPage(request, reply, 400, { errors, form: "password" });
    await accounts.changePassword(user, parsed.data.password, request.viewer?.sessionId ?? "");
    return reply.redirect(`${localizePath(request.locale, "/my/security")}?done=password`, 303);
  });

  app.post("/my/security/sign-out-everywhere", guardedPost, async (request, reply) => {
    const userId = request.viewer?.id ?? "";
    await endSessionsOf(db, userId);
    await onSignOutEverywhere?.(userId);
    await reply.signOut();
    return reply.redirect(`${localizePath(request.locale, "/sign-in")}`, 303);
  });

  app.post("/my/saved-services", guardedPost, async (request, reply) => {
    const parsed = saveServiceBody.safeParse(formBody(request.body));
    if (!parsed.success) return reply.redirect(localizePath(request.locale, "/my"), 303);
    await saveService(db, request.viewer?.id ?? "", parsed.data.service, parsed.data.saved === "1");
    return reply.redirect(
      safeReturnTo(parsed.data.returnTo) ?? localizePath(request.locale, `/services/${parsed.data.service}`),
      303,
    );
  });
}
