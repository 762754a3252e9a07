import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { findUser, type User } from "../accounts/service.js";
import { requireViewer } from "../accounts/sessions.js";
import { agencyName } from "../catalogue/service.js";
import { type Applications, applyPath } from "../eservices/service.js";
import { firstIncomplete } from "../forms/engine/conditions.js";
import { type Problem, problemMessage } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { ForbiddenError, NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import { localizePath } from "../platform/i18n/locales.js";
import { documentCodeProblem, documentPath, normaliseDocumentCode, verifyPath } from "./codes.js";
import { listItem } from "./dashboard.js";
import { qrSvg } from "./qr.js";
import { renewalDefinition, startRenewal } from "./renewal.js";
import { documentsOf, findDocumentByCode, findOwnDocument, type IssuedDocument } from "./repository.js";
import { verifySignature } from "./signing.js";
import { canRenew, documentStatus } from "./validity.js";
import {
  DocumentPage,
  MyDocumentsPage,
  UnknownDocumentPage,
  type Verdict,
  VerifyFormPage,
  VerifyResultPage,
} from "./views/DocumentPages.js";

export interface DocumentRouteOptions {
  db: Db;
  applications: Applications;
  /** The portal's public address: the QR code on a document points to its verification page there. */
  baseUrl: string;
}

const codeParams = z.object({ code: z.string().max(40) });
/** Checking codes one after another is slowed down, so guessing them is no use. */
const VERIFY_LIMIT = { max: 60, timeWindow: "1 minute" };

/** Whether the document is what was signed, and if so whether it still holds. */
async function verdictOf(db: Db, doc: IssuedDocument): Promise<Verdict> {
  if (!(await verifySignature(db, doc))) return "invalid";
  const status = documentStatus(doc);
  return status === "revoked" ? "revoked" : status === "expired" ? "expired" : "genuine";
}

/** Issued documents: the holder's list and printable pages, renewal, and the public verification. */
export async function documentRoutes(app: FastifyInstance, { db, applications, baseUrl }: DocumentRouteOptions) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  /** The signed-in person's own document; anyone else's is as good as missing. */
  const ownDocument = async (request: FastifyRequest): Promise<{ user: User; doc: IssuedDocument }> => {
    const code = normaliseDocumentCode(parseOrRefuse(codeParams, request.params, { notFound: true }).code);
    const user = await findUser(db, request.viewer?.id ?? "");
    const doc = code && user ? await findOwnDocument(db, user.id, code) : undefined;
    if (!user || !doc) throw new NotFoundError();
    return { user, doc };
  };

  app.get("/my/documents", guarded, async (request, reply) => {
    const { tr, locale } = request;
    const now = new Date();
    const docs = await documentsOf(db, request.viewer?.id ?? "");
    return reply.page({
      title: tr.t("documents.title"),
      breadcrumbs: [{ label: tr.t("accounts.my.title"), path: "/my" }, { label: tr.t("documents.title") }],
      body: <MyDocumentsPage items={docs.map((d) => listItem(d, locale, now))} />,
      stylesheets: ["css/documents.css"],
      noindex: true,
    });
  });

  app.get("/my/documents/:code", guarded, async (request, reply) => {
    const { doc } = await ownDocument(request);
    const { tr, locale } = request;
    const verifyUrl = `${baseUrl}${verifyPath(doc.code)}`;
    const [agency, qr, renewal] = await Promise.all([
      agencyName(db, doc.agency),
      qrSvg(verifyUrl),
      canRenew(doc) ? renewalDefinition(db, doc) : Promise.resolve(undefined),
    ]);
    const title = locale === "en" ? doc.titleEn : doc.titleAr;
    return reply.page({
      title,
      breadcrumbs: [
        { label: tr.t("accounts.my.title"), path: "/my" },
        { label: tr.t("documents.title"), path: "/my/documents" },
        { label: title },
      ],
      body: (
        <DocumentPage
          doc={doc}
          status={documentStatus(doc)}
          agency={agency[locale]}
          qr={qr.replace("<svg ", '<svg aria-hidden="true" focusable="false" ')}
          verifyUrl={verifyUrl}
          renewal={renewal ? { service: renewal.title[locale] } : undefined}
        />
      ),
      stylesheets: ["css/documents.css"],
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/my/documents/:code/renew", guardedPost, async (request, reply) => {
    const { user, doc } = await ownDocument(request);
    const { locale } = request;
    if (!canRenew(doc)) return reply.redirect(localizePath(locale, documentPath(doc.code)), 303);
    const def = await renewalDefinition(db, doc);
    if (!def) throw new NotFoundError();
    const allowed = def.eligibility.residency;
    if (allowed && !allowed.includes(user.residency as never)) throw new ForbiddenError("eservices.start.notEligibleTitle");
    const draft = await startRenewal(db, applications, user, doc, def);
    const resume = firstIncomplete(def, draft.answers);
    return reply.redirect(
      localizePath(locale, resume ? applyPath.page(def.slug, draft.id, resume.id) : applyPath.check(def.slug, draft.id)),
      303,
    );
  });

  /** Why what was typed cannot be a code: nothing, the wrong length, or characters no code uses. */
  const codeProblem = (typed: string): Problem => {
    if (!typed.trim()) return { field: "code", key: "documents.verify.errors.missing" };
    const problem = documentCodeProblem(typed);
    return problem.kind === "characters"
      ? { field: "code", key: "documents.verify.errors.characters", values: { characters: problem.characters } }
      : { field: "code", key: "documents.verify.errors.length", values: { count: problem.length } };
  };

  const verifyForm = (request: FastifyRequest, status: number, errors: FieldError[], value?: string) => {
    const title = request.tr.t("documents.verify.title");
    return {
      status,
      title: errors.length ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: title }],
      body: <VerifyFormPage errors={errors} value={value} />,
      stylesheets: ["css/documents.css"],
      noindex: true,
    };
  };

  app.get("/verify", { config: { rateLimit: VERIFY_LIMIT } }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).code;
    if (raw === undefined) return reply.page(verifyForm(request, 200, []));
    const typed = (Array.isArray(raw) ? String(raw[0] ?? "") : String(raw)).slice(0, 40);
    const code = normaliseDocumentCode(typed);
    if (code) return reply.redirect(localizePath(request.locale, verifyPath(code)), 303);
    return reply.page(verifyForm(request, 400, [problemMessage(request.tr, codeProblem(typed))], typed));
  });

  app.get("/verify/:code", { config: { rateLimit: VERIFY_LIMIT } }, async (request, reply) => {
    const { tr, locale } = request;
    const { code: raw } = parseOrRefuse(codeParams, request.params, { notFound: true });
    const code = normaliseDocumentCode(raw);
    // Something that cannot be a code is a typing slip, not a document Hukoomi did not issue: the form says what to check.
    if (!code) return reply.page(verifyForm(request, 400, [problemMessage(request.tr, codeProblem(raw))], raw));
    if (code !== raw) return reply.redirect(localizePath(locale, verifyPath(code)), 303);
    const doc = await findDocumentByCode(db, code);
    reply.header("cache-control", "no-store").header("x-robots-tag", "noindex");
    const crumbs = (label: string) => [{ label: tr.t("documents.verify.title"), path: "/verify" }, { label }];
    if (!doc) {
      return reply.page({
        status: 404,
        title: tr.t("documents.verify.notFound.title"),
        breadcrumbs: crumbs(tr.t("documents.verify.notFound.title")),
        body: <UnknownDocumentPage code={code} />,
        stylesheets: ["css/documents.css"],
        noindex: true,
      });
    }
    const verdict = await verdictOf(db, doc);
    const title = tr.t(`documents.verify.verdict.${verdict}.title`);
    return reply.page({
      title,
      breadcrumbs: crumbs(doc.code),
      body: (
        <VerifyResultPage
          doc={doc}
          verdict={verdict}
          agency={(await agencyName(db, doc.agency))[locale]}
          holder={request.viewer?.stage === "full" && request.viewer.id === doc.userId}
        />
      ),
      stylesheets: ["css/documents.css"],
      noindex: true,
    });
  });
}
