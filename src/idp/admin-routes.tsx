import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { requireRole } from "../accounts/guards.js";
import { auditedBy, withAudit } from "../audit/log.js";
import { listAgencies } from "../catalogue/service.js";
import { fieldErrors } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import { formBody } from "../platform/http/forms.js";
import { slugSchema } from "../platform/http/slug.js";
import { stripControlCharacters } from "../platform/text/clean.js";
import { listClients, registerClient } from "./clients.js";
import { ClientsPage, type ClientsPageProps } from "./views/ClientsPage.js";

const clean = (missing: string) =>
  z
    .string({ message: missing })
    .transform((v) => stripControlCharacters(v).trim())
    .pipe(z.string().min(1, missing).max(150, "idp.clients.errors.tooLong"));

/** An agency's address: https, or http on this machine for development; `message` names the field's refusal. */
const address = (message: string) =>
  z.url(message).refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u), message);
const redirectUri = address("idp.clients.errors.redirects");

const clientSchema = z.object({
  nameAr: clean("idp.clients.errors.nameAr"),
  nameEn: clean("idp.clients.errors.nameEn"),
  agency: slugSchema({ message: "idp.clients.errors.agency" }),
  redirectUris: z
    .string({ message: "idp.clients.errors.redirects" })
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(redirectUri, { message: "idp.clients.errors.redirects" })
        .min(1, "idp.clients.errors.redirects")
        .max(10, "idp.clients.errors.redirects"),
    ),
  /** Where the agency's site may send people back after signing out (RP-initiated logout); none is fine. */
  postLogoutRedirectUris: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(address("idp.clients.errors.postLogout"), { message: "idp.clients.errors.postLogout" })
        .max(10, "idp.clients.errors.postLogout"),
    ),
  /** Where the agency's site is told that a person signed out (back-channel logout); optional. */
  backchannelLogoutUri: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(address("idp.clients.errors.backchannel").optional()),
});

/** Portal administration of the identity provider's clients. */
export async function idpAdminRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, props: Partial<ClientsPageProps>) => {
    const title = request.tr.t("idp.clients.title");
    return reply.page({
      status,
      title: props.errors?.length ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: title }],
      body: <ClientsPage clients={await listClients(db)} agencies={await listAgencies(db)} {...props} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get("/admin/idp-clients", { preHandler: requireRole("admin") }, async (request, reply) => show(request, reply, 200, {}));

  app.post("/admin/idp-clients", { preHandler: [...requireRole("admin"), app.csrfProtection] }, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = clientSchema.safeParse(body);
    if (!parsed.success) {
      const values = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => k !== "_csrf" && typeof v === "string"),
      ) as Record<string, string>;
      return show(request, reply, 400, { errors: fieldErrors(parsed.error, request.tr), values });
    }
    const client = parsed.data;
    // The audit entry never holds the secret.
    const created = await withAudit(
      db,
      (tx) => registerClient(tx, client),
      (made) => ({
        ...auditedBy(request),
        action: "idp-client.registered",
        objectType: "idp-client",
        objectId: made.clientId,
        agency: client.agency,
        before: null,
        after: {
          clientId: made.clientId,
          agency: client.agency,
          nameAr: client.nameAr,
          nameEn: client.nameEn,
          redirectUris: client.redirectUris,
          postLogoutRedirectUris: client.postLogoutRedirectUris,
          backchannelLogoutUri: client.backchannelLogoutUri ?? null,
        },
      }),
    );
    return show(request, reply, 201, { created });
  });
}
