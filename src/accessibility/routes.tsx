import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { servicesBySlugs } from "../catalogue/service.js";
import { fieldErrors, problemMessage } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { formBody } from "../platform/http/forms.js";
import { localizePath } from "../platform/i18n/locales.js";
import { type DisabilityPortal, portalServiceSlugs } from "./portal-content.js";
import { safeReturnPath } from "./return-path.js";
import { settingsFormSchema } from "./schemas.js";
import {
  ACCESSIBILITY_COOKIE,
  COOKIE_MAX_AGE_SECONDS,
  type DisplaySettings,
  defaultSettings,
  isDefault,
  parseSettings,
  serializeSettings,
  toggles,
} from "./settings.js";
import { DisabilityPortalPage } from "./views/DisabilityPortalPage.js";
import { ToolsPage } from "./views/ToolsPage.js";

export interface AccessibilityRouteOptions {
  db: Db;
  portal: DisabilityPortal;
  secureCookies: boolean;
}

/** At most this many saves a minute from one address. */
const RATE_LIMIT = { max: 30, timeWindow: "1 minute" };

/** The visitor's display settings, from their `a11y` cookie (the defaults without one). */
export function settingsOf(request: FastifyRequest): DisplaySettings {
  return parseSettings(request.cookies?.[ACCESSIBILITY_COOKIE]);
}

function showTools(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { settings: DisplaySettings; returnTo?: string | undefined; saved?: boolean; errors?: FieldError[] },
) {
  const title = request.tr.t("accessibility.tools.title");
  const refused = (page.errors?.length ?? 0) > 0;
  return reply.page({
    status: refused ? 400 : 200,
    title: refused ? request.tr.t("errors.titlePrefix", { title }) : title,
    breadcrumbs: [{ label: title }],
    body: <ToolsPage {...page} />,
    hideFeedback: refused,
  });
}

/** The accessibility tools (/accessibility-tools) and the portal for disabled people (/accessibility-services). */
export async function accessibilityRoutes(app: FastifyInstance, opts: AccessibilityRouteOptions) {
  const { db, portal, secureCookies } = opts;

  app.get("/accessibility-tools", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    // An unusable return address is dropped here (the form then comes back to this page); a post naming one is refused.
    return showTools(request, reply, {
      settings: settingsOf(request),
      returnTo: safeReturnPath(query.returnTo),
      saved: query.saved === "1",
    });
  });

  app.post(
    "/accessibility-tools",
    { preHandler: app.csrfProtection, config: { rateLimit: RATE_LIMIT } },
    async (request, reply) => {
      const body = formBody(request.body);
      const parsed = settingsFormSchema.safeParse(body);
      const rawReturn = typeof body.returnTo === "string" && body.returnTo !== "" ? body.returnTo : undefined;
      const returnTo = rawReturn === undefined ? undefined : safeReturnPath(rawReturn);
      const errors = parsed.success ? [] : fieldErrors(parsed.error, request.tr);
      if (rawReturn !== undefined && returnTo === undefined && !errors.some((e) => e.field === "returnTo")) {
        errors.push(problemMessage(request.tr, { field: "returnTo", key: "accessibility.tools.errors.returnTo" }));
      }
      if (!parsed.success || errors.length) {
        // The form again, as the person last saw it, with what was wrong; nothing is saved.
        return showTools(request, reply, { settings: settingsOf(request), returnTo, errors });
      }
      const form = parsed.data;
      const settings: DisplaySettings =
        form.action === "reset"
          ? defaultSettings
          : { textSize: form.textSize, on: toggles.filter((t) => form.options.includes(t)) };
      if (isDefault(settings)) {
        reply.clearCookie(ACCESSIBILITY_COOKIE, { path: "/" });
      } else {
        reply.setCookie(ACCESSIBILITY_COOKIE, serializeSettings(settings), {
          path: "/",
          maxAge: COOKIE_MAX_AGE_SECONDS,
          httpOnly: true,
          sameSite: "lax",
          secure: secureCookies,
        });
      }
      return reply.redirect(returnTo ?? localizePath(request.locale, "/accessibility-tools?saved=1"), 303);
    },
  );

  app.get("/accessibility-services", async (request, reply) => {
    const services = await servicesBySlugs(db, portalServiceSlugs(portal));
    const title = portal.title[request.locale];
    return reply.page({
      title,
      description: portal.description[request.locale],
      breadcrumbs: [{ label: title }],
      body: <DisabilityPortalPage portal={portal} services={services} />,
    });
  });
}
