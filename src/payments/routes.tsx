import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { z } from "zod";
import { requireViewer } from "../accounts/sessions.js";
import { auditedBy } from "../audit/log.js";
import { agencyName } from "../catalogue/service.js";
import { requestPath } from "../eservices/paths.js";
import {
  type Case,
  currentUser,
  type FeeDesk,
  findCaseById,
  findDefinition,
  findOwnCase,
  referenceParams,
} from "../eservices/service.js";
import { money } from "../forms/money.js";
import { problemMessage } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import { Reference } from "../platform/design/Bidi.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { HttpError, NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import { localizePath } from "../platform/i18n/locales.js";
import { GatewayUnavailable } from "./gateway.js";
import { findPayment, paymentsOf, paymentsOfCase } from "./repository.js";
import { ownPayment, type Payments, paymentPath, receiptNumber, refundable } from "./service.js";
import { fromDirhams, toDirhams } from "./states.js";
import { CasePayments, MyPaymentsPage, PaymentPage, PaymentTable, PayPanel } from "./views.js";

export interface PaymentRouteOptions {
  db: Db;
  payments: Payments;
}

/** The bank could not be reached: a friendly page, and nothing already saved is lost. */
class GatewayDown extends HttpError {
  constructor() {
    super(503, "payments.errors.unavailable");
  }
}

const idParams = z.object({ id: z.uuid() });
const payBody = z.object({ attempt: z.uuid() });
const refundBody = z.object({
  payment: z.uuid("payments.errors.payment"),
  key: z.uuid("payments.errors.payment"),
  amount: z
    .string("payments.errors.amount")
    .trim()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, "payments.errors.amount"),
});

/** The refund a posted form asks for, if it may be made: the payment is the case's, the amount no more than is left. */
async function checkRefund(db: Db, request: FastifyRequest, kase: Case) {
  const parsed = refundBody.safeParse(formBody(request.body));
  const refuse = (key: string) => ({ errors: [problemMessage(request.tr, { field: "amount", key })] as FieldError[] });
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? "payments.errors.amount");
  const p = await findPayment(db, parsed.data.payment);
  if (!p || p.caseId !== kase.id) return refuse("payments.errors.payment");
  const wanted = toDirhams(parsed.data.amount);
  if (wanted <= 0 || wanted > refundable(p)) return refuse("payments.errors.tooMuch");
  return { p, wanted, key: parsed.data.key, amount: parsed.data.amount };
}

/** The fee parts of the e-service pages: the applicant's "pay" and payments, the officer's payments and refunds. */
export function feeDesk(db: Db, payments: Payments): FeeDesk {
  return {
    async applicantSection(request: FastifyRequest, kase: Case): Promise<ComponentChildren> {
      const items = await paymentsOfCase(db, kase.id);
      const payAction = localizePath(request.locale, `${requestPath(kase.reference)}/pay`);
      return (
        <>
          {kase.status === "payment-due" ? <PayPanel action={payAction} amount={kase.feeAmount} /> : null}
          {items.length ? <PaymentTable items={items} caption={request.tr.t("payments.ofRequest")} /> : null}
        </>
      );
    },
    async officerSection(request, kase, errors) {
      const items = await paymentsOfCase(db, kase.id);
      if (!items.length) return null;
      const left = Object.fromEntries(
        items.flatMap((p) => {
          const most = refundable(p);
          return most > 0 ? [[p.id, fromDirhams(most)]] : [];
        }),
      );
      return (
        <CasePayments
          items={items}
          errors={errors}
          refundable={left}
          refundAction={localizePath(request.locale, `/workspace/cases/${kase.reference}/refund/confirm`)}
        />
      );
    },
    async refundToConfirm(request, kase) {
      const checked = await checkRefund(db, request, kase);
      if ("errors" in checked) return checked;
      const { tr, locale } = request;
      const amount = money(Number(fromDirhams(checked.wanted)), locale, tr);
      return {
        amount,
        rows: [
          { key: tr.t("payments.receipt.number"), value: <Reference>{receiptNumber(checked.p)}</Reference> },
          { key: tr.t("payments.fields.amount"), value: amount },
        ],
        fields: { payment: checked.p.id, key: checked.key, amount: checked.amount },
      };
    },
    async refund(request, kase) {
      const checked = await checkRefund(db, request, kase);
      if ("errors" in checked) return checked.errors;
      const { p, wanted } = checked;
      const refuse = (key: string): FieldError[] => [problemMessage(request.tr, { field: "amount", key })];
      try {
        await payments.refund(p, fromDirhams(wanted), checked.key, request.viewer?.id ?? "", auditedBy(request));
      } catch (error) {
        if (error instanceof GatewayUnavailable) return refuse("payments.errors.unavailable");
        throw error;
      }
      return [];
    },
  };
}

/** The person's side of payments: paying a fee, coming back from the bank, payments and receipts. */
export async function paymentRoutes(app: FastifyInstance, { db, payments }: PaymentRouteOptions) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  app.post("/my/requests/:reference/pay", guardedPost, async (request, reply) => {
    const { reference } = parseOrRefuse(referenceParams, request.params, { notFound: true });
    const user = await currentUser(db, request);
    const kase = await findOwnCase(db, user.id, reference);
    const def = kase ? await findDefinition(db, kase.eservice, kase.version) : undefined;
    if (!kase || !def) throw new NotFoundError();
    const { attempt } = parseOrRefuse(payBody, formBody(request.body));
    let started: Awaited<ReturnType<Payments["start"]>>;
    try {
      started = await payments.start(kase, def, attempt, request.locale);
    } catch (error) {
      if (error instanceof GatewayUnavailable) {
        request.log.warn({ err: error }, "the payment gateway is unavailable");
        throw new GatewayDown();
      }
      throw error;
    }
    if ("paid" in started) return reply.redirect(localizePath(request.locale, requestPath(kase.reference)), 303);
    return reply.redirect(started.url, 303);
  });

  /** Back from the bank. What the address says is not trusted: the gateway is asked. */
  app.get("/payments/:id/return", guarded, async (request, reply) => {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const user = await currentUser(db, request);
    const own = await ownPayment(db, user.id, id);
    if (!own) throw new NotFoundError();
    try {
      await payments.sync(own.id, "return");
    } catch (error) {
      // The bank's answer will come by notification or reconciliation; the page says it is pending.
      if (!(error instanceof GatewayUnavailable)) throw error;
      request.log.warn({ err: error }, "payment status not confirmed on return");
    }
    return reply.redirect(localizePath(request.locale, paymentPath(own.id)), 303);
  });

  app.get("/my/payments", guarded, async (request, reply) => {
    const user = await currentUser(db, request);
    return reply.page({
      title: request.tr.t("payments.mine.title"),
      breadcrumbs: [{ label: request.tr.t("accounts.my.title"), path: "/my" }, { label: request.tr.t("payments.mine.title") }],
      body: <MyPaymentsPage items={await paymentsOf(db, user.id)} />,
      noindex: true,
    });
  });

  app.get("/my/payments/:id", guarded, async (request, reply) => {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const user = await currentUser(db, request);
    const payment = await ownPayment(db, user.id, id);
    const kase = payment ? await findCaseById(db, payment.caseId) : undefined;
    const def = kase ? await findDefinition(db, kase.eservice, kase.version) : undefined;
    if (!payment || !kase || !def) throw new NotFoundError();
    const { locale, tr } = request;
    const canPayAgain = kase.status === "payment-due" && ["failed", "expired"].includes(payment.status);
    const paid = payment.status === "captured" || payment.status === "refunded";
    return reply.page({
      title: tr.t(paid ? "payments.receipt.title" : `payments.outcome.${payment.status}`),
      breadcrumbs: [
        { label: tr.t("accounts.my.title"), path: "/my" },
        { label: tr.t("payments.mine.title"), path: "/my/payments" },
        { label: tr.t("payments.receipt.title") },
      ],
      body: (
        <PaymentPage
          payment={payment}
          service={def.title[locale]}
          reference={kase.reference}
          agency={(await agencyName(db, kase.agency))[locale]}
          payer={`${locale === "en" ? user.nameEn : user.nameAr}${user.qid ? ` (${user.qid})` : ""}`}
          payAgain={canPayAgain ? localizePath(locale, `${requestPath(kase.reference)}/pay`) : undefined}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });
}

/** My Hukoomi's "payments" section. */
export function paymentDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const items = (await paymentsOf(db, userId, 5)).filter((p) => p.status !== "created");
    if (!items.length) return {};
    return {
      payments: (
        <>
          <PaymentTable items={items} caption={request.tr.t("payments.mine.caption")} />
          <p>
            <a href={localizePath(request.locale, "/my/payments")}>{request.tr.t("payments.mine.all")}</a>
          </p>
        </>
      ),
    };
  };
}
