import type { FastifyInstance } from "fastify";
import { fieldErrors, problemMessage } from "../../forms/problems.js";
import { formBody } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { checkPassword } from "../identity.js";
import { peekToken } from "../repository.js";
import { newPasswordSchema, resetRequestSchema } from "../schemas.js";
import { MessagePage, ResetPasswordPage, ResetRequestPage } from "../views/SignInPages.js";
import { type AccountRouteOptions, RESET_LIMIT } from "./options.js";

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Forgotten password: the account named as at sign-in, a link to its email, then a new password; every session of the account ends. */
export async function resetRoutes(app: FastifyInstance, { db, accounts }: AccountRouteOptions) {
  app.get("/reset-password", async (request, reply) =>
    reply.page({ title: request.tr.t("accounts.reset.title"), body: <ResetRequestPage />, noindex: true, hideFeedback: true }),
  );

  app.post("/reset-password", { preHandler: app.csrfProtection, config: { rateLimit: RESET_LIMIT } }, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = resetRequestSchema.safeParse(body);
    const { tr } = request;
    if (!parsed.success) {
      return reply.page({
        status: 400,
        title: tr.t("errors.titlePrefix", { title: tr.t("accounts.reset.title") }),
        body: (
          <ResetRequestPage
            errors={fieldErrors(parsed.error, tr)}
            identifier={typeof body.identifier === "string" ? body.identifier.slice(0, 254) : ""}
          />
        ),
        noindex: true,
        hideFeedback: true,
      });
    }
    await accounts.requestPasswordReset(parsed.data.identifier);
    return reply.page({
      title: tr.t("accounts.reset.sentTitle"),
      body: <MessagePage title={tr.t("accounts.reset.sentTitle")} body={tr.t("accounts.reset.sentBody")} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.get("/reset-password/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    const { tr } = request;
    if (!TOKEN.test(token) || !(await peekToken(db, "reset", token))) {
      return reply.page({
        status: 400,
        title: tr.t("accounts.reset.expiredTitle"),
        body: (
          <MessagePage
            title={tr.t("accounts.reset.expiredTitle")}
            body={tr.t("accounts.reset.expiredBody")}
            link={{ href: localizePath(request.locale, "/reset-password"), label: tr.t("accounts.reset.again") }}
          />
        ),
        noindex: true,
        hideFeedback: true,
      });
    }
    return reply.page({
      title: tr.t("accounts.reset.newTitle"),
      body: <ResetPasswordPage token={token} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post(
    "/reset-password/:token",
    { preHandler: app.csrfProtection, config: { rateLimit: RESET_LIMIT } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { tr } = request;
      const parsed = newPasswordSchema.safeParse(formBody(request.body));
      const errors = parsed.success ? [] : fieldErrors(parsed.error, tr);
      if (parsed.success) {
        const weak = checkPassword(parsed.data.password, []);
        if (weak) errors.push(problemMessage(tr, { field: "password", key: `accounts.errors.password.${weak}` }));
      }
      if (!TOKEN.test(token)) return reply.redirect(localizePath(request.locale, "/reset-password"), 303);
      if (!parsed.success || errors.length) {
        return reply.page({
          status: 400,
          title: tr.t("errors.titlePrefix", { title: tr.t("accounts.reset.newTitle") }),
          body: <ResetPasswordPage token={token} errors={errors} />,
          noindex: true,
          hideFeedback: true,
        });
      }
      if (!(await accounts.resetPassword(token, parsed.data.password))) {
        return reply.page({
          status: 400,
          title: tr.t("accounts.reset.expiredTitle"),
          body: (
            <MessagePage
              title={tr.t("accounts.reset.expiredTitle")}
              body={tr.t("accounts.reset.expiredBody")}
              link={{ href: localizePath(request.locale, "/reset-password"), label: tr.t("accounts.reset.again") }}
            />
          ),
          noindex: true,
          hideFeedback: true,
        });
      }
      await reply.signOut();
      return reply.redirect(`${localizePath(request.locale, "/sign-in")}?reset=1`, 303);
    },
  );
}
