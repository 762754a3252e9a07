import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findUser } from "../../accounts/service.js";
import { requireViewer } from "../../accounts/sessions.js";
import { agencyName } from "../../catalogue/service.js";
import { messageOf } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { participatePath } from "../listing.js";
import { isPublic, mayTakePart, phaseOf } from "../period.js";
import { castVote, choicesOf, findPoll, optionsOf, type Poll, resultsOf } from "./repository.js";
import { checkChoices, resultsShownOnPage } from "./rules.js";
import { slugParams, voteBody } from "./schemas.js";
import { pollStaffRoutes } from "./staff-routes.js";
import { type PollNotice, PollPage, type Voter } from "./views/PollPage.js";

export interface PollRouteOptions {
  db: Db;
}

/** Polls and referendums: the public page and vote, and the agency staff's pages. */
export async function pollRoutes(app: FastifyInstance, opts: PollRouteOptions) {
  const { db } = opts;

  /** The published poll named in the address, once it is open or closed (drafts and scheduled ones are not there yet). */
  async function publicPoll(request: FastifyRequest, now: Date): Promise<Poll> {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const poll = await findPoll(db, slug);
    if (!poll || !isPublic(poll, now)) throw new NotFoundError();
    return poll;
  }

  /** The poll page for this person: status 200, or the refusal's status with its message. */
  async function present(
    request: FastifyRequest,
    reply: FastifyReply,
    poll: Poll,
    now: Date,
    extra: { status?: number; notice?: PollNotice; selected?: string[]; errors?: FieldError[] } = {},
  ) {
    const { locale, tr } = request;
    const phase = phaseOf(poll, now);
    const path = localizePath(locale, participatePath("polls", poll.slug));
    const viewer = request.viewer?.stage === "full" ? request.viewer : undefined;
    const [options, agency, user] = await Promise.all([
      optionsOf(db, poll.id),
      agencyName(db, poll.agency),
      viewer ? findUser(db, viewer.id) : undefined,
    ]);
    const chosen = user ? await choicesOf(db, poll.id, user.id) : undefined;
    let voter: Voter;
    if (!user) voter = { kind: "signed-out", signIn: `${localizePath(locale, "/sign-in")}?returnTo=${encodeURIComponent(path)}` };
    else if (chosen) voter = { kind: "voted", chosen };
    else if (!mayTakePart(poll.audience, user.residency)) voter = { kind: "refused" };
    else voter = { kind: "can-vote", selected: extra.selected ?? [], error: extra.errors?.[0]?.message };
    const results = resultsShownOnPage(poll, phase, Boolean(chosen)) ? await resultsOf(db, poll.id) : undefined;
    const question = locale === "ar" ? poll.questionAr : poll.questionEn;
    return reply.page({
      status: extra.status ?? 200,
      title: extra.errors?.length ? tr.t("errors.titlePrefix", { title: question }) : question,
      breadcrumbs: [{ label: tr.t("participation.title"), path: "/participate" }, { label: question }],
      body: (
        <PollPage
          poll={poll}
          options={options}
          agency={agency[locale]}
          phase={phase}
          voter={voter}
          results={results}
          notice={extra.notice}
          errors={extra.errors}
          action={path}
        />
      ),
    });
  }

  app.get("/participate/polls/:slug", async (request, reply) => {
    const now = new Date();
    const poll = await publicPoll(request, now);
    const voted = (request.query as Record<string, unknown>).voted === "1";
    const mine = request.viewer?.stage === "full" ? await choicesOf(db, poll.id, request.viewer.id) : undefined;
    return present(request, reply, poll, now, { notice: voted && mine ? "counted" : undefined });
  });

  app.post("/participate/polls/:slug", { preHandler: [requireViewer, app.csrfProtection] }, async (request, reply) => {
    const now = new Date();
    const poll = await publicPoll(request, now);
    const user = await findUser(db, request.viewer?.id ?? "");
    if (!user) throw new NotFoundError();
    if (phaseOf(poll, now) !== "open") return present(request, reply, poll, now, { status: 409, notice: "too-late" });
    if (await choicesOf(db, poll.id, user.id)) return present(request, reply, poll, now, { status: 409, notice: "again" });
    if (!mayTakePart(poll.audience, user.residency))
      return present(request, reply, poll, now, { status: 403, notice: "refused" });

    const { choice } = voteBody.parse(formBody(request.body));
    const options = await optionsOf(db, poll.id);
    const checked = checkChoices(poll, options, choice);
    if ("problem" in checked) {
      const message = messageOf(request.tr, checked.problem);
      const selected = (Array.isArray(choice) ? choice : choice ? [choice] : []).filter((c) => options.some((o) => o.id === c));
      return present(request, reply, poll, now, { status: 400, selected, errors: [{ field: "choice", message }] });
    }
    const counted = await castVote(db, poll.id, user.id, checked.ids);
    if (!counted) return present(request, reply, poll, now, { status: 409, notice: "again" });
    const path = localizePath(request.locale, participatePath("polls", poll.slug));
    return reply.redirect(`${path}?voted=1`, 303);
  });

  await pollStaffRoutes(app, opts);
}
