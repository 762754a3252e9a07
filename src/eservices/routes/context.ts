import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { z } from "zod";
import { findUser, type User } from "../../accounts/service.js";
import type { Definition } from "../../forms/engine/definition.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { slugSchema } from "../../platform/http/slug.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { Applications } from "../applications.js";
import type { RegistryPrefill } from "../prefill.js";
import { normaliseReference } from "../references.js";
import type { Case } from "../repository/cases.js";
import { findDefinition } from "../repository/definitions.js";
import { type Draft, findOwnDraft } from "../repository/drafts.js";

/**
 * Fees, as the payments area offers them to the e-service pages: what the
 * applicant sees on their request (the fee due, the payments made), what the
 * officer sees on a case, and refunds.
 */
export interface FeeDesk {
  applicantSection(request: FastifyRequest, kase: Case): Promise<ComponentChildren>;
  officerSection(request: FastifyRequest, kase: Case, errors: FieldError[]): Promise<ComponentChildren>;
  /** An officer's refund from the posted form; field errors when refused. */
  refund(request: FastifyRequest, kase: Case): Promise<FieldError[]>;
  /**
   * The refund the posted form asks for, checked as refund() checks it, for the
   * confirmation step: what to show (receipt, amount) and the fields to post again.
   */
  refundToConfirm(
    request: FastifyRequest,
    kase: Case,
  ): Promise<
    | { errors: FieldError[] }
    | { amount: string; rows: { key: string; value: ComponentChildren }[]; fields: Record<string, string> }
  >;
}

/**
 * Documents, as the documents area offers them to the officer's decision: the
 * signed document of an approved request, issued in the decision's
 * transaction, and what the applicant's "document issued" notification names.
 */
export interface DocumentDesk {
  issueOnApproval(
    tx: Db,
    kase: Case,
  ): Promise<{ values: { document: { ar: string; en: string }; code: string }; link: string } | undefined>;
}

export interface EserviceRouteOptions {
  db: Db;
  storage: FileStorage;
  applications: Applications;
  /** Answers questions from other agencies' registries (once-only data); without it, people type everything. */
  prefill?: RegistryPrefill | undefined;
  /** Fees and payments; without it, requests show no payment parts. */
  fees?: FeeDesk | undefined;
  /** Documents issued on approval (wired by the server); without it, approving issues nothing. */
  documents?: DocumentDesk | undefined;
  /** Where to book the visit a request needs (a language-neutral path), when its service is booked at centres. */
  visitBooking?: ((serviceSlug: string, caseId: string) => Promise<string | undefined>) | undefined;
}

const slug = slugSchema({ first: "letter", max: 41 });
export const slugParams = z.object({ slug });
export const draftParams = z.object({ slug, draft: z.uuid() });
export const pageParams = draftParams.extend({ page: slug });
export const referenceParams = z.object({
  reference: z
    .string()
    .max(20)
    .transform((raw, ctx) => {
      const reference = normaliseReference(raw);
      if (reference) return reference;
      ctx.addIssue({ code: "custom", message: "errors.notFound.message" });
      return z.NEVER;
    }),
});

/** The signed-in person's account (routes are guarded, so one is there). */
export async function currentUser(db: Db, request: FastifyRequest): Promise<User> {
  const user = await findUser(db, request.viewer?.id ?? "");
  if (!user) throw new NotFoundError();
  return user;
}

/** The person's own draft of this e-service, with the definition version it was started on; 404 for anyone else's. */
export async function ownDraft(db: Db, request: FastifyRequest): Promise<{ user: User; draft: Draft; def: Definition }> {
  const params = parseOrRefuse(draftParams, request.params, { notFound: true });
  const user = await currentUser(db, request);
  const draft = await findOwnDraft(db, user.id, params.draft);
  if (!draft || draft.eservice !== params.slug) throw new NotFoundError();
  const def = await findDefinition(db, draft.eservice, draft.version);
  if (!def) throw new NotFoundError();
  return { user, draft, def };
}
