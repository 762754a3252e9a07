import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { findUser, type User } from "../../accounts/repository.js";
import type { Db } from "../../platform/db/client.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import type { Translator } from "../../platform/i18n/messages.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { Applications } from "../applications.js";
import type { AnswerError } from "../engine/answers.js";
import type { Definition } from "../engine/definition.js";
import { normaliseReference } from "../references.js";
import { findDefinition } from "../repository/definitions.js";
import { type Draft, findOwnDraft } from "../repository/drafts.js";

export interface EserviceRouteOptions {
  db: Db;
  storage: FileStorage;
  applications: Applications;
}

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/);
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

/** An engine refusal in the person's language. */
export function messageOf(tr: Translator, error: AnswerError): string {
  return tr.t(error.key, error.values);
}
