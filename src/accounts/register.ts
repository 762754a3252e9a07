import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { Mailer, SmsSender } from "../platform/messaging/senders.js";
import { NationalSignIn } from "./national.js";
import { myRoutes } from "./routes/my.js";
import { nationalSignInRoutes } from "./routes/national.js";
import type { DashboardSectionProvider } from "./routes/options.js";
import { registerRoutes } from "./routes/register.js";
import { resetRoutes } from "./routes/reset.js";
import { signInRoutes } from "./routes/sign-in.js";
import { AccountService } from "./service.js";

/** The layout's slot this area fills: the header's sign-in or account links. */
export { AccountLinks } from "./views/AccountLinks.js";

export interface AccountsDeps {
  db: Db;
  mail: Mailer;
  texts: SmsSender;
  config: Pick<
    Config,
    "BASE_URL" | "SIGN_IN_PER_MINUTE" | "NATIONAL_IDP_ISSUER" | "NATIONAL_IDP_CLIENT_ID" | "NATIONAL_IDP_CLIENT_SECRET"
  >;
  /** Ends what other areas keep for a person (identity-provider sessions and grants) when all their sessions end. */
  endElsewhere(userId: string): Promise<void>;
  /** Ends what other areas keep for this browser (its identity-provider session) when the person signs out. */
  onSignOut(request: FastifyRequest): Promise<void>;
  /** Sections of My Hukoomi filled by the areas that own them (requests, documents, payments, notifications). */
  dashboardSections: DashboardSectionProvider[];
}

/**
 * Sign-in (with the national identity provider when one is configured),
 * registration, reset and My Hukoomi. Gives back the account service it
 * makes, which administration and the API use.
 */
export async function register(app: FastifyInstance, deps: AccountsDeps): Promise<{ accounts: AccountService }> {
  const { db, config } = deps;
  const accounts = new AccountService(db, deps.mail, deps.texts, config.BASE_URL, app.throttles, deps.endElsewhere, (err) =>
    app.log.error({ err }, "reset link not sent"),
  );
  app.addHook("onClose", async () => accounts.settled());
  const national =
    config.NATIONAL_IDP_ISSUER && config.NATIONAL_IDP_CLIENT_ID && config.NATIONAL_IDP_CLIENT_SECRET
      ? new NationalSignIn(db, {
          issuer: config.NATIONAL_IDP_ISSUER,
          clientId: config.NATIONAL_IDP_CLIENT_ID,
          clientSecret: config.NATIONAL_IDP_CLIENT_SECRET,
          redirectUri: `${config.BASE_URL}/sign-in/national/callback`,
        })
      : undefined;
  const routes = {
    db,
    accounts,
    onSignOutEverywhere: deps.endElsewhere,
    onSignOut: deps.onSignOut,
    nationalSignIn: Boolean(national),
    signInPerMinute: config.SIGN_IN_PER_MINUTE,
    dashboardSections: deps.dashboardSections,
  };
  if (national) await inEachLanguage(app, nationalSignInRoutes, { national, baseUrl: config.BASE_URL });
  await inEachLanguage(app, signInRoutes, routes);
  await inEachLanguage(app, registerRoutes, routes);
  await inEachLanguage(app, resetRoutes, routes);
  await inEachLanguage(app, myRoutes, routes);
  return { accounts };
}
