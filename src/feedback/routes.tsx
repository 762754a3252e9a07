import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fieldErrors } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import { wantsJson } from "../platform/http/error-handler.js";
import { BadRequestError, NotFoundError } from "../platform/http/errors.js";
import { firstMessageKey, formBody } from "../platform/http/forms.js";
import { sameOriginOnly } from "../platform/http/same-origin.js";
import { localizePath } from "../platform/i18n/locales.js";
import { addComment, findAnswer, isOpenForComment, recordAnswer } from "./repository.js";
import { answerSchema, commentSchema, feedbackIdSchema } from "./schemas.js";
import { FeedbackCommentPage } from "./views/FeedbackPages.js";

/** At most this many feedback posts a minute from one address. */
const RATE_LIMIT = { max: 20, timeWindow: "1 minute" };

function parseId(request: FastifyRequest): string {
  const parsed = feedbackIdSchema.safeParse(request.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.id;
}

async function showCommentPage(db: Db, request: FastifyRequest, reply: FastifyReply, id: string, done: boolean) {
  const row = await findAnswer(db, id);
  if (!row) throw new NotFoundError();
  return reply.page({
    title: request.tr.t("feedback.pageTitle"),
    breadcrumbs: [{ label: request.tr.t("feedback.pageTitle") }],
    body: <FeedbackCommentPage id={id} page={row.path} open={isOpenForComment(row)} done={done} />,
    hideFeedback: true,
    noindex: true,
  });
}

/**
 * "Is this page easy to understand?": the answer, then an optional comment.
 * The question is on every public page, which is the same for everyone, so
 * its forms carry no anti-forgery token: a post from another site is refused
 * by its Sec-Fetch-Site / Origin instead (src/platform/http/same-origin.ts).
 */
export async function feedbackRoutes(app: FastifyInstance, opts: { db: Db; baseUrl: string }) {
  const { db } = opts;
  const guarded = { preHandler: sameOriginOnly(opts.baseUrl), config: { rateLimit: RATE_LIMIT } };

  app.post("/feedback", guarded, async (request, reply) => {
    const parsed = answerSchema.safeParse(formBody(request.body));
    if (!parsed.success) {
      throw new BadRequestError(firstMessageKey(parsed.error, request.tr));
    }
    const id = await recordAnswer(db, {
      path: parsed.data.page,
      locale: request.locale,
      helpful: parsed.data.helpful === "yes",
    });
    if (wantsJson(request)) {
      return reply.code(201).send({ id, commentUrl: localizePath(request.locale, `/feedback/${id}`) });
    }
    return reply.redirect(localizePath(request.locale, `/feedback/${id}`), 303);
  });

  app.get("/feedback/:id", async (request, reply) => {
    const id = parseId(request);
    return showCommentPage(db, request, reply, id, (request.query as Record<string, unknown>).sent === "1");
  });

  app.post("/feedback/:id", guarded, async (request, reply) => {
    const id = parseId(request);
    const row = await findAnswer(db, id);
    if (!row) throw new NotFoundError();
    const parsed = commentSchema.safeParse(formBody(request.body));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, request.tr);
      if (wantsJson(request)) {
        return reply.code(400).send({ error: { status: 400, message: errors[0]?.message } });
      }
      const raw = formBody(request.body).comment;
      return reply.page({
        status: 400,
        title: request.tr.t("errors.titlePrefix", { title: request.tr.t("feedback.pageTitle") }),
        breadcrumbs: [{ label: request.tr.t("feedback.pageTitle") }],
        body: (
          <FeedbackCommentPage
            id={id}
            page={row.path}
            open={isOpenForComment(row)}
            done={false}
            errors={errors}
            comment={typeof raw === "string" ? raw : ""}
          />
        ),
        hideFeedback: true,
        noindex: true,
      });
    }
    if (!(await addComment(db, id, parsed.data.comment))) {
      throw new BadRequestError("feedback.errors.closed");
    }
    if (wantsJson(request)) return reply.code(200).send({ id, status: "saved" });
    return reply.redirect(localizePath(request.locale, `/feedback/${id}?sent=1`), 303);
  });
}
