import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { fieldErrors } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { HttpError, NotFoundError } from "../platform/http/errors.js";
import { formBody } from "../platform/http/forms.js";
import { pageContext } from "../platform/http/render.js";
import { type Locale, otherLocale } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import { PageContext } from "../platform/layout/page-context.js";
import { cardFormSchema } from "./cards.js";
import { payPath, returnAddress, type SandboxGateway } from "./gateway.js";
import type { PaymentRow } from "./model.js";
import { paymentParams } from "./schemas.js";
import { type CardValues, GatewayDocument, GatewayProblem, OutcomePage, PayPage } from "./views.js";

/** Card attempts a minute from one address. */
const PAY_LIMIT = { max: 30, timeWindow: "1 minute" };

/**
 * The bank's pages allow no script at all, and forms that go to the bank
 * itself, or, after Pay or Cancel, on to the merchant's return address (a
 * redirect the browser checks against form-action).
 */
function contentSecurityPolicy(returnUrl?: string): string {
  const merchant = returnUrl ? ` ${new URL(returnUrl).origin}` : "";
  return [
    "default-src 'none'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `form-action 'self'${merchant}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { status?: number; title: string; body: ComponentChildren; paymentId?: string; returnUrl?: string },
) {
  const ctx = pageContext(request, reply, []);
  const other = otherLocale(request.locale);
  const html = renderToString(
    <PageContext.Provider value={ctx}>
      <GatewayDocument title={page.title} otherLanguageHref={page.paymentId ? payPath(other, page.paymentId) : undefined}>
        {page.body}
      </GatewayDocument>
    </PageContext.Provider>,
  );
  return reply
    .code(page.status ?? 200)
    .header("content-security-policy", contentSecurityPolicy(page.returnUrl))
    .header("cache-control", "no-store")
    .header("x-robots-tag", "noindex, nofollow")
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${html}`);
}

function titled(request: FastifyRequest, title: string, refused: boolean): string {
  return refused ? request.tr.t("errors.titlePrefix", { title }) : title;
}

/**
 * The hosted payment page, at /sandbox-gateway/pay/:id in Arabic and
 * /sandbox-gateway/en/pay/:id in English: registered once per language.
 */
export async function gatewayPageRoutes(app: FastifyInstance, opts: { gateway: SandboxGateway; locale: Locale }) {
  const { gateway, locale } = opts;
  const slowSeconds = gateway.settings.slowCardSeconds;

  app.addHook("onRequest", async (request) => {
    request.locale = locale;
    request.tr = translator(locale);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const raw = error.statusCode ?? 500;
    const status = raw >= 400 && raw < 500 ? raw : 500;
    const { tr } = request;
    if (status === 500) request.log.error({ err: error, reference: request.id }, "sandbox gateway page failed");
    const which =
      status === 404
        ? "notFound"
        : status === 500
          ? "server"
          : error instanceof HttpError
            ? "badRequest"
            : (error as FastifyError).code?.startsWith("FST_CSRF")
              ? "expiredForm"
              : status === 429
                ? "tooManyRequests"
                : "badRequest";
    const title = tr.t(`sandboxGateway.problems.${which}.title`);
    return send(request, reply, {
      status,
      title,
      body: <GatewayProblem title={title} message={tr.t(`sandboxGateway.problems.${which}.message`)} />,
    });
  });

  const load = async (request: FastifyRequest): Promise<PaymentRow> => {
    const parsed = paymentParams.safeParse(request.params);
    const payment = parsed.success ? await gateway.current(parsed.data.id) : undefined;
    if (!payment) throw new NotFoundError();
    return payment;
  };

  const payPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    payment: PaymentRow,
    errors: FieldError[] = [],
    values: CardValues = {},
  ) => {
    const title = request.tr.t("sandboxGateway.pay.title", { merchant: request.tr.t("sandboxGateway.merchantName") });
    return send(request, reply, {
      status: errors.length ? 400 : 200,
      title: titled(request, title, errors.length > 0),
      paymentId: payment.id,
      returnUrl: payment.returnUrl,
      body: (
        <PayPage
          payment={payment}
          action={payPath(locale, payment.id)}
          slowSeconds={slowSeconds}
          errors={errors}
          values={values}
        />
      ),
    });
  };

  const outcomePage = (request: FastifyRequest, reply: FastifyReply, payment: PaymentRow) =>
    send(request, reply, {
      title: request.tr.t(`sandboxGateway.outcome.${payment.status}.title`),
      paymentId: payment.id,
      returnUrl: payment.returnUrl,
      body: <OutcomePage payment={payment} returnHref={returnAddress(payment.returnUrl, payment.id)} />,
    });

  app.get("/pay/:id", async (request, reply) => {
    const payment = await load(request);
    return payment.status === "created" ? payPage(request, reply, payment) : outcomePage(request, reply, payment);
  });

  app.post("/pay/:id", { preHandler: app.csrfProtection, config: { rateLimit: PAY_LIMIT } }, async (request, reply) => {
    const payment = await load(request);
    // Finished already (paid in another tab, expired): the page says how it ended.
    if (payment.status !== "created") return reply.redirect(payPath(locale, payment.id), 303);
    const body = formBody(request.body);
    if (body.action === "cancel") {
      const cancelled = await gateway.cancel(payment.id);
      if (!cancelled) return reply.redirect(payPath(locale, payment.id), 303);
      return reply.redirect(returnAddress(cancelled.returnUrl, cancelled.id), 303);
    }
    const parsed = cardFormSchema(new Date()).safeParse(body);
    if (!parsed.success) {
      const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 100) : "");
      const values = { cardNumber: text(body.cardNumber), expiry: text(body.expiry), cardName: text(body.cardName) };
      return payPage(request, reply, payment, fieldErrors(parsed.error, request.tr), values);
    }
    const paid = await gateway.pay(payment.id, parsed.data);
    if (!paid) return reply.redirect(payPath(locale, payment.id), 303);
    return reply.redirect(returnAddress(paid.returnUrl, paid.id), 303);
  });
}
