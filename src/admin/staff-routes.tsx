import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RoleGrant } from "../accounts/model.js";
import {
  findUser,
  findUserByEmail,
  grantRole,
  LastAdministratorError,
  listStaff,
  revokeRole,
  rolesOf,
  type StaffMember,
  updateUser,
} from "../accounts/service.js";
import { withAudit } from "../audit/log.js";
import { listAgencies } from "../catalogue/service.js";
import { problemMessage } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import { localizePath } from "../platform/i18n/locales.js";
import { adminAudit, adminPage, doneRedirect, formErrors, typedValues } from "./render.js";
import type { AdminRouteOptions } from "./routes.js";
import { accountStateBody, doneQuery, findPersonQuery, roleBody, userParams } from "./schemas.js";
import { PersonRolesPage, StaffListPage } from "./views/StaffPages.js";

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && (a.agency ?? null) === (b.agency ?? null);
const asText = (roles: RoleGrant[]) => roles.map((r) => (r.agency ? `${r.role}:${r.agency}` : r.role)).sort();

/** The audit entry of a change to a person's roles: their roles before and after. */
const rolesAudit = (
  request: FastifyRequest,
  action: "staff-role.granted" | "staff-role.revoked",
  who: StaffMember,
  grant: RoleGrant,
  after: RoleGrant[],
) =>
  adminAudit(request, {
    action,
    objectType: "user-roles",
    objectId: who.id,
    agency: grant.agency ?? null,
    before: { roles: asText(who.roles) },
    after: { roles: asText(after) },
  });

/** Staff accounts: everyone with a role, finding a person by email, granting and revoking roles per agency. */
export async function staffRoutes(app: FastifyInstance, { db, endEverySession }: AdminRouteOptions) {
  const title = (request: FastifyRequest) => request.tr.t("admin.staff.title");

  async function agencyChoices(request: FastifyRequest) {
    const { locale } = request;
    return (await listAgencies(db))
      .map((a) => ({ slug: a.slug, name: a.name[locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }

  app.get("/admin/staff", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const parsed = findPersonQuery.safeParse({ email: query.email ?? "" });
    const email = typeof query.email === "string" ? query.email : "";
    let errors: FieldError[] = [];
    let status = 200;
    if (!parsed.success) {
      errors = formErrors(request, parsed.error);
      status = 400;
    } else if (parsed.data.email) {
      const user = await findUserByEmail(db, parsed.data.email);
      if (user) return reply.redirect(localizePath(request.locale, `/admin/staff/${user.id}`), 303);
      errors = [problemMessage(request.tr, { field: "email", key: "admin.staff.errors.noAccount" })];
      status = 404;
    }
    const [staff, agencies] = await Promise.all([listStaff(db), agencyChoices(request)]);
    return adminPage(request, reply, {
      status,
      title: title(request),
      errors,
      body: (
        <StaffListPage staff={staff} agencies={new Map(agencies.map((a) => [a.slug, a.name]))} email={email} errors={errors} />
      ),
    });
  });

  /** The person named in the address (any account: a member of the public may be made staff). */
  async function person(request: FastifyRequest): Promise<StaffMember & { disabled: boolean }> {
    const { id } = parseOrRefuse(userParams, request.params, { notFound: true });
    const user = await findUser(db, id);
    if (!user) throw new NotFoundError();
    return {
      id: user.id,
      name: { ar: user.nameAr, en: user.nameEn },
      email: user.email,
      roles: await rolesOf(db, user.id),
      disabled: Boolean(user.disabledAt),
    };
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    who: StaffMember & { disabled: boolean },
    form: { values: Record<string, string>; errors: FieldError[]; status?: number } = { values: {}, errors: [] },
  ) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      status: form.status,
      title: who.name[request.locale],
      trail: [{ label: title(request), path: "/admin/staff" }],
      errors: form.errors,
      body: (
        <PersonRolesPage
          person={who}
          agencies={await agencyChoices(request)}
          values={form.values}
          errors={form.errors}
          done={done}
        />
      ),
    });
  }

  app.get("/admin/staff/:id", async (request, reply) => show(request, reply, await person(request)));

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    who: StaffMember & { disabled: boolean },
    status: number,
    field: string,
    key: string,
  ) =>
    show(request, reply, who, {
      values: typedValues(formBody(request.body)),
      errors: [problemMessage(request.tr, { field, key })],
      status,
    });

  app.post("/admin/staff/:id/grant", async (request, reply) => {
    const who = await person(request);
    const body = formBody(request.body);
    const parsed = roleBody.safeParse(body);
    if (!parsed.success)
      return show(request, reply, who, { values: typedValues(body), errors: formErrors(request, parsed.error) });
    const grant = parsed.data;
    if (grant.agency && !(await listAgencies(db)).some((a) => a.slug === grant.agency)) {
      return refuse(request, reply, who, 400, "agency", "admin.staff.errors.agency");
    }
    if (who.roles.some((r) => sameGrant(r, grant)))
      return refuse(request, reply, who, 409, "role", "admin.staff.errors.alreadyHeld");
    await withAudit(
      db,
      async (tx) => {
        await grantRole(tx, who.id, grant);
        return rolesOf(tx, who.id);
      },
      (after) => rolesAudit(request, "staff-role.granted", who, grant, after),
    );
    return doneRedirect(request, reply, `/admin/staff/${who.id}`, "granted");
  });

  app.post("/admin/staff/:id/revoke", async (request, reply) => {
    const who = await person(request);
    const body = formBody(request.body);
    const parsed = roleBody.safeParse(body);
    if (!parsed.success) return show(request, reply, who, { values: {}, errors: formErrors(request, parsed.error) });
    const grant = parsed.data;
    if (!who.roles.some((r) => sameGrant(r, grant)))
      return refuse(request, reply, who, 409, "role", "admin.staff.errors.notHeld");
    // Nobody takes away their own last administrator role: they would lock themselves out.
    const ownLastAdmin =
      who.id === request.viewer?.id && grant.role === "admin" && who.roles.filter((r) => r.role === "admin").length <= 1;
    if (ownLastAdmin) return refuse(request, reply, who, 409, "role", "admin.staff.errors.ownLastAdmin");
    let revoked: RoleGrant[] | undefined;
    try {
      revoked = await withAudit(
        db,
        async (tx) => ((await revokeRole(tx, who.id, grant)) ? rolesOf(tx, who.id) : undefined),
        (after) => (after ? rolesAudit(request, "staff-role.revoked", who, grant, after) : undefined),
      );
    } catch (error) {
      // Another administrator was removed at the same moment: one must remain.
      if (error instanceof LastAdministratorError)
        return refuse(request, reply, who, 409, "role", "admin.staff.errors.lastAdmin");
      throw error;
    }
    if (!revoked) return refuse(request, reply, who, 409, "role", "admin.staff.errors.notHeld");
    return doneRedirect(request, reply, `/admin/staff/${who.id}`, "revoked");
  });

  /**
   * Turns an account off (it cannot sign in; every session it has ends, on
   * the portal and at the identity provider, and the agencies' portals are
   * told) or on again. Never one's own, nor an administrator's: take the
   * role away first, which keeps at least one administrator.
   */
  app.post("/admin/staff/:id/account", async (request, reply) => {
    const who = await person(request);
    const parsed = accountStateBody.safeParse(formBody(request.body));
    if (!parsed.success) return show(request, reply, who, { values: {}, errors: formErrors(request, parsed.error) });
    const disable = parsed.data.state === "disabled";
    if (disable && who.id === request.viewer?.id)
      return refuse(request, reply, who, 409, "state", "admin.staff.errors.ownAccount");
    if (disable && who.roles.some((r) => r.role === "admin"))
      return refuse(request, reply, who, 409, "state", "admin.staff.errors.adminAccount");
    if (disable === who.disabled) return doneRedirect(request, reply, `/admin/staff/${who.id}`, parsed.data.state);
    await withAudit(
      db,
      (tx) => updateUser(tx, who.id, { disabledAt: disable ? new Date() : null }),
      () =>
        adminAudit(request, {
          action: disable ? "account.disabled" : "account.enabled",
          objectType: "user",
          objectId: who.id,
          before: { disabled: who.disabled },
          after: { disabled: disable },
        }),
    );
    if (disable) await endEverySession(who.id);
    return doneRedirect(request, reply, `/admin/staff/${who.id}`, parsed.data.state);
  });
}
