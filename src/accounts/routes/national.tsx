import type { FastifyInstance } from "fastify";
import { localizePath } from "../../platform/i18n/locales.js";
import type { NationalSignIn } from "../national.js";
import { safeReturnTo } from "../sessions.js";
import { MessagePage } from "../views/SignInPages.js";
import { SIGN_IN_LIMIT } from "./options.js";
import { afterSignIn, continueAfterSignIn } from "./sign-in.js";

/** Sign-in with the national identity provider, when one is configured. */
export async function nationalSignInRoutes(
  app: FastifyInstance,
  { national, baseUrl }: { national: NationalSignIn; baseUrl: string },
) {
  app.get("/sign-in/national", { config: { rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo);
    try {
      return reply.redirect(await national.start(request.locale, returnTo), 303);
    } catch (error) {
      request.log.warn({ err: error }, "national identity provider unreachable");
      const { tr } = request;
      return reply.page({
        status: 503,
        title: tr.t("accounts.national.unavailable"),
        body: (
          <MessagePage
            title={tr.t("accounts.national.unavailable")}
            body={tr.t("accounts.national.unavailableBody")}
            link={{ href: localizePath(request.locale, "/sign-in"), label: tr.t("accounts.national.usePassword") }}
          />
        ),
        noindex: true,
        hideFeedback: true,
      });
    }
  });

  app.get("/sign-in/national/callback", async (request, reply) => {
    const outcome = await national.finish(new URL(request.url, baseUrl));
    const { tr } = request;
    if ("problem" in outcome) {
      const title = tr.t("accounts.national.failed");
      return reply.page({
        status: 400,
        title,
        body: (
          <MessagePage
            title={title}
            body={tr.t(`accounts.national.problem.${outcome.problem}`)}
            link={{ href: localizePath(request.locale, "/sign-in"), label: tr.t("accounts.national.tryAgain") }}
          />
        ),
        noindex: true,
        hideFeedback: true,
      });
    }
    await reply.signIn(outcome.user.id, "national");
    return continueAfterSignIn(request, reply, afterSignIn(outcome.locale, outcome.returnTo));
  });
}
