import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireRole } from "../../accounts/guards.js";
import { agenciesActedFor, hasRole } from "../../accounts/model.js";
import { findUser, logDataAccessOnce } from "../../accounts/service.js";
import { auditedBy, fieldsOf, recordAudit } from "../../audit/log.js";
import { agencyName } from "../../catalogue/service.js";
import { fieldErrors, problemMessage } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import { ConfirmStep } from "../../platform/design/ConfirmStep.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import type { Applications } from "../applications.js";
import { casePath, filePath } from "../paths.js";
import {
  advanceCase,
  type Case,
  type CaseStatus,
  eservicesInQueue,
  findCase,
  historyOf,
  listQueue,
  officersOf,
  openStatuses,
  queueCounts,
} from "../repository/cases.js";
import { findDefinition, latestDefinitions } from "../repository/definitions.js";
import { CasePage, QueuePage, type QueueState } from "../views/WorkspacePages.js";
import { type EserviceRouteOptions, referenceParams } from "./context.js";
import { assignBody, decideBody, findFilter, infoBody, queueQuery } from "./workspace-schemas.js";

const PAGE_SIZE = 25;
/** An officer reopening a case within this time is one reading in the applicant's "who used my data". */
const REOPEN_MINUTES = 60;

/** The agency's back office: the queue of cases, and each case with the officer's actions. */
export async function workspaceRoutes(app: FastifyInstance, opts: EserviceRouteOptions & { applications: Applications }) {
  const { db, applications } = opts;
  const officer = { preHandler: requireRole("officer") };
  const officerPost = { preHandler: [...requireRole("officer"), app.csrfProtection] };
  /** The agencies whose cases the viewer may see; undefined for administrators (all). */
  const scope = (request: FastifyRequest) => {
    const acted = agenciesActedFor(request.viewer, "officer");
    return acted === "all" ? undefined : acted;
  };

  app.get("/workspace/cases", officer, async (request, reply) => {
    const { tr, locale } = request;
    const raw = request.query as Record<string, unknown>;
    const parsed = queueQuery.safeParse(raw);
    const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error, tr);
    const q = parsed.success ? parsed.data : queueQuery.parse({ ...raw, from: "", to: "", find: "" });
    const agencies = scope(request);
    const filter = {
      agencies,
      eservice: q.eservice || undefined,
      from: q.from || undefined,
      to: q.to || undefined,
      due: q.due || undefined,
      find: q.find.trim() ? findFilter(q.find) : undefined,
      assigned:
        q.assigned === "me"
          ? { to: request.viewer?.id ?? "" }
          : q.assigned === "unassigned"
            ? ("unassigned" as const)
            : undefined,
    };
    const [result, counts, slugs, defs] = await Promise.all([
      listQueue(db, { ...filter, status: (q.status || undefined) as CaseStatus | undefined, page: q.page, pageSize: PAGE_SIZE }),
      queueCounts(db, filter),
      eservicesInQueue(db, agencies),
      latestDefinitions(db),
    ]);
    const titles = new Map(defs.map((d) => [d.slug, d.title[locale]]));
    const mine = defs.filter((d) => !agencies || agencies.includes(d.agency)).map((d) => d.slug);
    const services = [...new Set([...mine, ...slugs])].map((slug) => ({ slug, title: titles.get(slug) ?? slug }));
    const state: QueueState = { ...q, page: q.page };
    const title = tr.t("eservices.workspace.title");
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: title }],
      body: (
        <QueuePage
          state={state}
          errors={errors}
          services={services}
          counts={counts}
          total={result.total}
          pageCount={Math.max(1, Math.ceil(result.total / PAGE_SIZE))}
          items={result.items}
          titles={titles}
          now={new Date()}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  /** The case, if the viewer is an officer of its agency; otherwise it is as good as missing. */
  const caseFor = async (request: FastifyRequest): Promise<Case> => {
    const { reference } = parseOrRefuse(referenceParams, request.params, { notFound: true });
    const kase = await findCase(db, reference);
    if (!kase || !hasRole(request.viewer, "officer", kase.agency)) throw new NotFoundError();
    return kase;
  };

  const casePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kase: Case,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const { tr, locale } = request;
    const [def, applicant, history, officers, assignee] = await Promise.all([
      findDefinition(db, kase.eservice, kase.version),
      findUser(db, kase.userId),
      historyOf(db, kase.id, false),
      officersOf(db, kase.agency),
      kase.assignedTo ? findUser(db, kase.assignedTo) : Promise.resolve(undefined),
    ]);
    if (!def || !applicant) throw new NotFoundError();
    const viewerId = request.viewer?.id ?? "";
    // The officer has read the applicant's data: the applicant sees it in "Who used my data".
    const agency = await agencyName(db, kase.agency);
    await logDataAccessOnce(
      db,
      {
        subjectId: applicant.id,
        actorId: viewerId,
        agency: kase.agency,
        who: agency,
        action: "accounts.access.caseOpened",
        reference: kase.reference,
      },
      REOPEN_MINUTES,
    );
    const name = (u: { nameAr: string; nameEn: string }) => (locale === "en" ? u.nameEn : u.nameAr);
    const people = officers.map((o) => ({ id: o.id, name: name(o) }));
    if (!people.some((o) => o.id === viewerId)) people.unshift({ id: viewerId, name: request.viewer?.name[locale] ?? "" });
    const done = (request.query as Record<string, unknown>).done;
    const title = tr.t("eservices.workspace.caseTitle", { reference: kase.reference });
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: tr.t("eservices.workspace.title"), path: "/workspace/cases" }, { label: kase.reference }],
      body: (
        <CasePage
          def={def}
          kase={kase}
          applicant={{ name: name(applicant), qid: applicant.qid, phone: applicant.phone, email: applicant.email }}
          assignee={assignee ? name(assignee) : undefined}
          officers={people}
          viewerId={viewerId}
          history={history}
          fileHref={(id) => localizePath(locale, filePath(id))}
          errors={errors}
          values={values}
          payments={await opts.fees?.officerSection(request, kase, errors)}
          notice={
            typeof done === "string" && ["assigned", "info-requested", "approved", "rejected", "refunded"].includes(done)
              ? tr.t(`eservices.workspace.done.${done}`)
              : undefined
          }
          now={new Date()}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get("/workspace/cases/:reference", officer, async (request, reply) => casePage(request, reply, await caseFor(request)));

  const backToCase = (request: FastifyRequest, reply: FastifyReply, kase: Case, done?: string) =>
    reply.redirect(`${localizePath(request.locale, casePath(kase.reference))}${done ? `?done=${done}` : ""}`, 303);

  /** Tells the applicant, in the transaction of the change, in their language, by the channels they chose. */
  const tell =
    (kase: Case, event: "info-requested" | "approved" | "rejected", message?: string) => async (tx: Db, updated: Case) => {
      const [user, def] = await Promise.all([findUser(tx, kase.userId), findDefinition(tx, kase.eservice, kase.version)]);
      if (user && def) await applications.tell(tx, user, updated, def, event, message);
    };

  /** The audit entry of an officer's change to a case, written in the change's transaction. */
  const audit = (request: FastifyRequest, kase: Case, action: string) => async (tx: Db, updated: Case) => {
    const keys = ["status", "assignedTo", "decidedAt"] as const;
    await recordAudit(tx, {
      ...auditedBy(request),
      action,
      objectType: "case",
      objectId: kase.reference,
      agency: kase.agency,
      before: fieldsOf(kase, keys),
      after: fieldsOf(updated, keys),
    });
  };

  app.post("/workspace/cases/:reference/assign", officerPost, async (request, reply) => {
    const kase = await caseFor(request);
    const parsed = assignBody.safeParse(formBody(request.body));
    if (!parsed.success) return casePage(request, reply, kase, fieldErrors(parsed.error, request.tr));
    const { assignee } = parsed.data;
    const allowed = (await officersOf(db, kase.agency)).some((o) => o.id === assignee) || assignee === request.viewer?.id;
    if (!allowed)
      return casePage(request, reply, kase, [
        problemMessage(request.tr, { field: "assignee", key: "eservices.workspace.errors.assignee" }),
      ]);
    const status = kase.status === "submitted" ? "in-review" : kase.status;
    const updated = await advanceCase(
      db,
      kase.id,
      [kase.status as CaseStatus].filter((s) => openStatuses.includes(s)),
      { assignedTo: assignee, status },
      { kind: "assigned", actorId: request.viewer?.id ?? "" },
      audit(request, kase, "case.assigned"),
    );
    return backToCase(request, reply, updated ?? kase, updated ? "assigned" : undefined);
  });

  app.post("/workspace/cases/:reference/request-info", officerPost, async (request, reply) => {
    const kase = await caseFor(request);
    const body = formBody(request.body);
    const parsed = infoBody.safeParse(body);
    if (!parsed.success)
      return casePage(request, reply, kase, fieldErrors(parsed.error, request.tr), {
        question: String(body.question ?? "").slice(0, 2000),
      });
    const updated = await advanceCase(
      db,
      kase.id,
      ["submitted", "in-review"],
      { status: "info-requested", assignedTo: kase.assignedTo ?? request.viewer?.id ?? null },
      { kind: "info-requested", actorId: request.viewer?.id ?? "", message: parsed.data.question },
      async (tx, changed) => {
        await tell(kase, "info-requested", parsed.data.question)(tx, changed);
        await audit(request, kase, "case.info-requested")(tx, changed);
      },
    );
    return backToCase(request, reply, kase, updated ? "info-requested" : undefined);
  });

  /** The decision as posted, checked; the case page again with what was wrong when it is not one. */
  const readDecision = async (request: FastifyRequest, reply: FastifyReply, kase: Case) => {
    const body = formBody(request.body);
    const parsed = decideBody.safeParse(body);
    if (parsed.success) return parsed.data;
    await casePage(request, reply, kase, fieldErrors(parsed.error, request.tr), {
      decision: typeof body.decision === "string" ? body.decision : "",
      reason: String(body.reason ?? "").slice(0, 2000),
    });
    return undefined;
  };

  // A decision cannot be taken back: the case page's form comes here first, to say what will happen and ask again.
  app.post("/workspace/cases/:reference/decide/confirm", officerPost, async (request, reply) => {
    const kase = await caseFor(request);
    const decision = await readDecision(request, reply, kase);
    if (!decision) return reply;
    const { tr, locale } = request;
    const approve = decision.decision === "approve";
    const title = tr.t(approve ? "eservices.workspace.confirm.approveTitle" : "eservices.workspace.confirm.rejectTitle", {
      reference: kase.reference,
    });
    return reply.page({
      title,
      backLink: localizePath(locale, casePath(kase.reference)),
      body: (
        <ConfirmStep
          title={title}
          warning={tr.t("eservices.workspace.confirm.warning")}
          rows={[
            { key: tr.t("eservices.workspace.decision"), value: tr.t(`eservices.workspace.${approve ? "approve" : "reject"}`) },
            { key: tr.t("eservices.workspace.reason"), value: decision.reason || tr.t("forms.answers.none") },
          ]}
          action={localizePath(locale, `${casePath(kase.reference)}/decide`)}
          fields={{ decision: decision.decision, reason: decision.reason }}
          confirmLabel={tr.t(approve ? "eservices.workspace.confirm.approveButton" : "eservices.workspace.confirm.rejectButton")}
          cancelHref={localizePath(locale, casePath(kase.reference))}
          destructive={!approve}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/workspace/cases/:reference/decide", officerPost, async (request, reply) => {
    const kase = await caseFor(request);
    const decision = await readDecision(request, reply, kase);
    if (!decision) return reply;
    const parsed = { data: decision };
    const status = parsed.data.decision === "approve" ? "approved" : "rejected";
    const updated = await advanceCase(
      db,
      kase.id,
      openStatuses,
      { status, decidedAt: new Date(), assignedTo: kase.assignedTo ?? request.viewer?.id ?? null },
      { kind: status, actorId: request.viewer?.id ?? "", message: parsed.data.reason || undefined },
      async (tx, changed) => {
        // An approved request of an e-service that issues a document: the signed document, in the same transaction.
        const issued = await opts.documents?.issueOnApproval(tx, changed);
        await tell(kase, status, parsed.data.reason)(tx, changed);
        await audit(request, kase, "case.decided")(tx, changed);
        const applicant = issued ? await findUser(tx, changed.userId) : undefined;
        if (issued && applicant) await applications.notifier.record(tx, applicant, "document-issued", issued.values, issued.link);
      },
    );
    return backToCase(request, reply, kase, updated ? status : undefined);
  });

  const fees = opts.fees;
  if (fees) {
    // A refund cannot be taken back either: the amount checked and shown, then asked again.
    app.post("/workspace/cases/:reference/refund/confirm", officerPost, async (request, reply) => {
      const kase = await caseFor(request);
      const checked = await fees.refundToConfirm(request, kase);
      if ("errors" in checked) return casePage(request, reply, kase, checked.errors);
      const { tr, locale } = request;
      const title = tr.t("eservices.workspace.confirm.refundTitle", { amount: checked.amount, reference: kase.reference });
      return reply.page({
        title,
        backLink: localizePath(locale, casePath(kase.reference)),
        body: (
          <ConfirmStep
            title={title}
            warning={tr.t("eservices.workspace.confirm.refundWarning")}
            rows={checked.rows}
            action={localizePath(locale, `${casePath(kase.reference)}/refund`)}
            fields={checked.fields}
            confirmLabel={tr.t("eservices.workspace.confirm.refundButton")}
            cancelHref={localizePath(locale, casePath(kase.reference))}
            destructive
          />
        ),
        noindex: true,
        hideFeedback: true,
      });
    });

    app.post("/workspace/cases/:reference/refund", officerPost, async (request, reply) => {
      const kase = await caseFor(request);
      const errors = await fees.refund(request, kase);
      if (errors.length) return casePage(request, reply, kase, errors);
      return backToCase(request, reply, kase, "refunded");
    });
  }
}
