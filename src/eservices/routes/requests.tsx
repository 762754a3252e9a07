import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { hasRole } from "../../accounts/model.js";
import { requireViewer } from "../../accounts/sessions.js";
import { agencyName } from "../../catalogue/service.js";
import { checkFile } from "../../forms/engine/files.js";
import { type Problem, problemMessages } from "../../forms/problems.js";
import type { FileKind } from "../../forms/upload.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { attachment } from "../../platform/http/download-name.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { acceptMultipart, readForm } from "../../platform/http/multipart.js";
import { privately } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import { filePath, requestPath } from "../paths.js";
import { type Case, casesOf, findCaseById, findOwnCase, historyOf } from "../repository/cases.js";
import { findDefinition } from "../repository/definitions.js";
import { findUpload } from "../repository/uploads.js";
import { MyRequestsPage, ReceiptPage, RequestPage } from "../views/RequestPages.js";
import { feeWords } from "./apply.js";
import { currentUser, type EserviceRouteOptions, referenceParams } from "./context.js";

const RESPONSE_FILES = { accept: ["pdf", "jpeg", "png"] as FileKind[], maxBytes: 5 * 1024 * 1024, max: 3 };

/** The applicant's side of a request: the list, one request, the receipt, answering the agency; and opening files. */
export async function requestRoutes(app: FastifyInstance, opts: EserviceRouteOptions) {
  const { db, storage } = opts;
  await acceptMultipart(app, { mayUpload: (request) => Boolean(request.viewer) });
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };
  const fileHref = (request: FastifyRequest) => (id: string) => localizePath(request.locale, filePath(id));

  app.get("/my/requests", guarded, async (request, reply) => {
    const user = await currentUser(db, request);
    const rows = await casesOf(db, user.id);
    const items = [];
    for (const c of rows) {
      const def = await findDefinition(db, c.eservice, c.version);
      items.push({
        reference: c.reference,
        title: def?.title[request.locale] ?? c.eservice,
        status: c.status,
        submittedAt: c.submittedAt,
      });
    }
    return reply.page({
      title: request.tr.t("eservices.requests.title"),
      breadcrumbs: [
        { label: request.tr.t("accounts.my.title"), path: "/my" },
        { label: request.tr.t("eservices.requests.title") },
      ],
      body: <MyRequestsPage items={items} />,
      noindex: true,
    });
  });

  const ownCase = async (request: FastifyRequest) => {
    const { reference } = parseOrRefuse(referenceParams, request.params, { notFound: true });
    const user = await currentUser(db, request);
    const kase = await findOwnCase(db, user.id, reference);
    if (!kase) throw new NotFoundError();
    const def = await findDefinition(db, kase.eservice, kase.version);
    if (!def) throw new NotFoundError();
    return { user, kase, def };
  };

  const requestPage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], answer?: string) => {
    const { user, kase, def } = await ownCase(request);
    const { locale, tr } = request;
    const history = await historyOf(db, kase.id, true);
    const question = [...history].reverse().find((s) => s.kind === "info-requested")?.message ?? undefined;
    const title = tr.t("eservices.request.title", { reference: kase.reference });
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [
        { label: tr.t("accounts.my.title"), path: "/my" },
        { label: tr.t("eservices.requests.title"), path: "/my/requests" },
        { label: kase.reference },
      ],
      body: (
        <RequestPage
          def={def}
          kase={kase}
          agencyName={(await agencyName(db, kase.agency))[locale]}
          history={history}
          question={question}
          justSubmitted={(request.query as Record<string, unknown>).submitted === "1"}
          answered={(request.query as Record<string, unknown>).answered === "1"}
          email={user.email}
          fileHref={fileHref(request)}
          errors={errors}
          answer={answer}
          payment={await opts.fees?.applicantSection(request, kase)}
          visitHref={await opts.visitBooking?.(def.service, kase.id)}
        />
      ),
      noindex: true,
      hideFeedback: errors.length > 0,
    });
  };

  app.get("/my/requests/:reference", guarded, async (request, reply) => requestPage(request, reply));

  app.get("/my/requests/:reference/receipt", guarded, async (request, reply) => {
    const { user, kase, def } = await ownCase(request);
    const { locale, tr } = request;
    return reply.page({
      title: tr.t("eservices.receipt.title"),
      breadcrumbs: [
        { label: tr.t("accounts.my.title"), path: "/my" },
        { label: kase.reference, path: requestPath(kase.reference) },
        { label: tr.t("eservices.receipt.title") },
      ],
      body: (
        <ReceiptPage
          def={def}
          kase={kase}
          agencyName={(await agencyName(db, kase.agency))[locale]}
          applicant={`${locale === "en" ? user.nameEn : user.nameAr}${user.qid ? ` (${user.qid})` : ""}`}
          feeText={feeWords(def, kase.answers, locale, tr).text}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/my/requests/:reference/respond", guardedPost, async (request, reply) => {
    const { user, kase } = await ownCase(request);
    const { tr } = request;
    const form = readForm(request.body);
    const answer = stripControlCharacters(typeof form.fields.answer === "string" ? form.fields.answer : "").trim();
    if (kase.status !== "info-requested") return reply.redirect(localizePath(request.locale, requestPath(kase.reference)), 303);
    const problems: Problem[] = [];
    if (!answer) problems.push({ field: "answer", key: "eservices.errors.answerMissing" });
    else if (answer.length > 5000)
      problems.push({
        field: "answer",
        key: "forms.errors.tooLong",
        values: { label: tr.t("eservices.request.answerLabel"), max: 5000 },
      });
    const incoming = form.files.files ?? [];
    if (incoming.length > RESPONSE_FILES.max)
      problems.push({
        field: "files",
        key: "forms.errors.tooManyFiles",
        values: { label: tr.t("eservices.request.filesLabel"), max: RESPONSE_FILES.max },
      });
    const accepted: { file: (typeof incoming)[number]; kind: FileKind }[] = [];
    if (!problems.length) {
      for (const file of incoming) {
        const checked = await checkFile(file, RESPONSE_FILES, tr.t("eservices.request.filesLabel"));
        if ("error" in checked) {
          problems.push({ field: "files", ...checked.error });
          break;
        }
        accepted.push({ file, kind: checked.kind });
      }
    }
    const errors = problemMessages(tr, problems);
    if (errors.length) return requestPage(request, reply, errors, answer.slice(0, 5000));
    const updated = await opts.applications.provideInformation(user, kase, answer, accepted);
    if (!updated) return reply.redirect(localizePath(request.locale, requestPath(kase.reference)), 303);
    return reply.redirect(`${localizePath(request.locale, requestPath(kase.reference))}?answered=1`, 303);
  });

  /**
   * A file of a draft or request: to its owner, and to officers of the
   * agency the request went to. Anyone else gets "not found", so the
   * address reveals nothing.
   */
  app.get("/files/:id", guarded, async (request, reply) => {
    const { id } = parseOrRefuse(z.object({ id: z.uuid() }), request.params, { notFound: true });
    const upload = await findUpload(db, id);
    if (!upload) throw new NotFoundError();
    const viewer = request.viewer;
    let allowed = upload.ownerId === viewer?.id;
    let kase: Case | undefined;
    if (!allowed && upload.caseId) {
      kase = await findCaseById(db, upload.caseId);
      allowed = Boolean(kase && hasRole(viewer, "officer", kase.agency));
    }
    if (!allowed) throw new NotFoundError();
    const data = await storage.get(upload.storageKey);
    if (!data) throw new NotFoundError();
    return privately(reply)
      .header("content-type", upload.contentType)
      .header("content-disposition", attachment(upload.name, upload.contentType))
      .header("x-content-type-options", "nosniff")
      .send(data);
  });
}
