import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fieldErrors } from "../../forms/problems.js";
import { formBody } from "../../platform/http/forms.js";
import { type Locale, localizePath, stripLocale } from "../../platform/i18n/locales.js";
import { codeSchema, signInSchema } from "../schemas.js";
import { checkSecondStep, refusalOf } from "../second-step.js";
import { PENDING_SECOND_STEP, safeReturnTo } from "../sessions.js";
import { CodePage, MessagePage, SignInPage } from "../views/SignInPages.js";
import { type AccountRouteOptions, CODE_LIMIT, SIGN_IN_LIMIT, verifyPhonePath } from "./options.js";

/**
 * Goes on to where the person was headed after signing in. A sign-in for
 * another government website (an identity-provider step) continues through
 * a page rather than a redirect: the form's redirect chain must not end on
 * another site, which the Content-Security-Policy (form-action 'self') forbids.
 */
export function continueAfterSignIn(request: FastifyRequest, reply: FastifyReply, destination: string) {
  if (!destination.startsWith("/idp/")) return reply.redirect(destination, 303);
  const { tr } = request;
  return reply.page({
    title: tr.t("accounts.continue.title"),
    continueTo: destination,
    body: (
      <MessagePage
        title={tr.t("accounts.continue.title")}
        body={tr.t("accounts.continue.body")}
        link={{ href: destination, label: tr.t("accounts.continue.link") }}
      />
    ),
    noindex: true,
    hideFeedback: true,
  });
}

/**
 * Addresses that are not pages in a language (the identity provider's steps, the API), or that
 * carry their own (the workers' portal, /workers/<code>/…): someone is sent back to them as they are.
 */
const NOT_A_PAGE = /^\/(idp|api|assets|workers)(\/|$)/;

/**
 * Where to go once signed in: the page asked for (or as it is, when not a
 * page), else My Hukoomi, in the language the person signed in with: someone
 * who signs in on the Arabic site stays on it, whatever their saved choice.
 */
export function afterSignIn(locale: Locale, returnTo: string | undefined): string {
  if (!returnTo) return localizePath(locale, "/my");
  return NOT_A_PAGE.test(returnTo) ? returnTo : localizePath(locale, stripLocale(returnTo));
}

function signInPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  props: Omit<Parameters<typeof SignInPage>[0], "national">,
  national = false,
) {
  const title = request.tr.t("accounts.signIn.title");
  return reply.page({
    status,
    title: props.errors?.length ? request.tr.t("errors.titlePrefix", { title }) : title,
    breadcrumbs: [{ label: title }],
    body: <SignInPage {...props} national={national} />,
    noindex: true,
    hideFeedback: true,
  });
}

/** Sign in with a password (and an authenticator code when set up), and sign out. */
export async function signInRoutes(
  app: FastifyInstance,
  { db, accounts, nationalSignIn, onSignOut, signInPerMinute }: AccountRouteOptions,
) {
  const signInLimit = signInPerMinute ? { ...SIGN_IN_LIMIT, max: signInPerMinute } : SIGN_IN_LIMIT;
  app.get("/sign-in", async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const returnTo = safeReturnTo(q.returnTo);
    if (request.viewer?.stage === "full") return reply.redirect(returnTo ?? localizePath(request.locale, "/my"), 303);
    const notice = q.reset === "1" ? request.tr.t("accounts.reset.done") : undefined;
    return signInPage(request, reply, 200, { returnTo, notice }, nationalSignIn);
  });

  app.post("/sign-in", { preHandler: app.csrfProtection, config: { rateLimit: signInLimit } }, async (request, reply) => {
    const body = formBody(request.body);
    const returnTo = safeReturnTo(body.returnTo);
    const parsed = signInSchema.safeParse(body);
    const identifier = typeof body.identifier === "string" ? body.identifier.slice(0, 254) : "";
    if (!parsed.success)
      return signInPage(request, reply, 400, { errors: fieldErrors(parsed.error, request.tr), identifier, returnTo });
    const outcome = await accounts.authenticate(parsed.data.identifier, parsed.data.password, request.ip);
    if (!outcome.ok) {
      const paused = outcome.reason === "paused";
      return signInPage(
        request,
        reply,
        paused ? 429 : 401,
        {
          errors: [
            {
              field: "identifier",
              message: paused
                ? request.tr.t("accounts.errors.paused", { minutes: outcome.minutes })
                : request.tr.t("accounts.errors.signInFailed"),
            },
          ],
          identifier,
          returnTo,
        },
        nationalSignIn,
      );
    }
    const user = outcome.user;
    if (user.totpEnabledAt && user.totpSecret) {
      await reply.signIn(user.id, PENDING_SECOND_STEP);
      const next = `${localizePath(request.locale, "/sign-in/code")}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`;
      return reply.redirect(next, 303);
    }
    await reply.signIn(user.id, "password");
    if (!user.phoneVerifiedAt) {
      return reply.redirect(verifyPhonePath(request.locale, await accounts.sendPhoneCode(user)), 303);
    }
    return continueAfterSignIn(request, reply, afterSignIn(request.locale, returnTo));
  });

  const codePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors: ReturnType<typeof fieldErrors>,
    returnTo?: string,
  ) => {
    const { tr } = request;
    const title = tr.t("accounts.secondStep.title");
    return reply.page({
      status,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      body: (
        <CodePage
          title={title}
          lead={tr.t("accounts.secondStep.lead")}
          action={localizePath(request.locale, "/sign-in/code")}
          label={tr.t("accounts.secondStep.label")}
          hint={tr.t("accounts.secondStep.hint")}
          errors={errors}
          returnTo={returnTo}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get("/sign-in/code", async (request, reply) => {
    if (request.viewer?.stage !== "second-step") return reply.redirect(localizePath(request.locale, "/sign-in"), 303);
    return codePage(request, reply, 200, [], safeReturnTo((request.query as Record<string, unknown>).returnTo));
  });

  app.post("/sign-in/code", { preHandler: app.csrfProtection, config: { rateLimit: CODE_LIMIT } }, async (request, reply) => {
    const viewer = request.viewer;
    if (viewer?.stage !== "second-step") return reply.redirect(localizePath(request.locale, "/sign-in"), 303);
    const body = formBody(request.body);
    const returnTo = safeReturnTo(body.returnTo);
    const parsed = codeSchema.safeParse(body);
    if (!parsed.success) return codePage(request, reply, 400, fieldErrors(parsed.error, request.tr), returnTo);
    const user = await accounts.find(viewer.id);
    if (!user?.totpSecret) return reply.redirect(localizePath(request.locale, "/sign-in"), 303);
    const outcome = await checkSecondStep(db, app.throttles, user, parsed.data.code);
    if (!outcome.ok) {
      const { status, errors } = refusalOf(outcome, request.tr);
      return codePage(request, reply, status, errors, returnTo);
    }
    await reply.signIn(user.id, "password+totp");
    return continueAfterSignIn(request, reply, afterSignIn(request.locale, returnTo));
  });

  app.post("/sign-out", { preHandler: app.csrfProtection }, async (request, reply) => {
    // One sign-out ends both: the identity provider's session in this browser (agencies' portals are told), then the portal's.
    await onSignOut?.(request);
    await reply.signOut();
    return reply.redirect(localizePath(request.locale, "/signed-out"), 303);
  });

  // The confirmation a person sees once signed out, in the language they were using; the same for everyone.
  app.get("/signed-out", async (request, reply) => {
    const { tr } = request;
    return reply.page({
      title: tr.t("accounts.signedOut.title"),
      body: (
        <MessagePage
          title={tr.t("accounts.signedOut.title")}
          body={tr.t("accounts.signedOut.body")}
          link={{ href: localizePath(request.locale, "/"), label: tr.t("accounts.signedOut.link") }}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });
}
