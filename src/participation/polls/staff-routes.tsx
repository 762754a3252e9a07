import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireViewer } from "../../accounts/sessions.js";
import { type AuditEntry, fieldsOf, withAudit } from "../../audit/log.js";
import { agencyName, listAgencies } from "../../catalogue/service.js";
import { type Problem, problemMessages } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { participationAudit } from "../audit.js";
import { participatePath, staffPath } from "../listing.js";
import { agenciesRun, phaseOf, runsParticipationFor } from "../period.js";
import { blankValues, type PollFormValues, readPollForm, valuesOfPoll } from "./form.js";
import { closePoll, createPoll, findPoll, optionsOf, type Poll, resultsOf, updateDraft } from "./repository.js";
import { slugParams } from "./schemas.js";
import { NewPollPage, type StaffNotice, StaffPollPage } from "./views/StaffPollPage.js";

const notices: StaffNotice[] = ["saved", "published", "closed"];

/** The fields of a poll an audit entry keeps before and after a change. */
const auditKeys = ["status", "agency", "questionAr", "questionEn", "audience", "opensAt", "closesAt", "closedAt"] as const;

/** The audit entry of a staff change to a poll. */
function pollAudit(
  request: FastifyRequest,
  slug: string,
  agency: string,
  action: string,
  before: Partial<Poll> | null,
  after: Partial<Poll>,
): AuditEntry {
  return participationAudit(
    request,
    action,
    { type: "poll", id: slug, agency },
    fieldsOf(before, auditKeys),
    fieldsOf(after, auditKeys),
  );
}

/** The agency staff's pages for polls: create, view with results, edit a draft, publish, close early. */
export async function pollStaffRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  /** The agencies the person may create polls for, with their names in the page's language; refused when none. */
  async function agencyChoices(request: FastifyRequest): Promise<{ slug: string; name: string }[]> {
    const run = agenciesRun(request.viewer);
    if (run !== "all" && run.length === 0) throw new ForbiddenError();
    const all = await listAgencies(db);
    const names = new Map(all.map((a) => [a.slug, a.name[request.locale]]));
    const slugs = run === "all" ? all.map((a) => a.slug) : run;
    return slugs
      .map((slug) => ({ slug, name: names.get(slug) ?? slug }))
      .sort((a, b) => a.name.localeCompare(b.name, request.locale));
  }

  /** The poll named in the address, if the person runs participation for its agency (anyone else: not found). */
  async function ownPoll(request: FastifyRequest): Promise<Poll> {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const poll = await findPoll(db, slug);
    if (!poll || !runsParticipationFor(request.viewer, poll.agency)) throw new NotFoundError();
    return poll;
  }

  const messages = (request: FastifyRequest, problems: Problem[]): FieldError[] => problemMessages(request.tr, problems);

  const staffTitle = (request: FastifyRequest) => request.tr.t("participation.staff.title");

  async function showPoll(
    request: FastifyRequest,
    reply: FastifyReply,
    poll: Poll,
    edit?: { values: PollFormValues; errors: FieldError[] },
  ) {
    const { locale, tr } = request;
    const phase = phaseOf(poll);
    const [options, agency, results] = await Promise.all([
      optionsOf(db, poll.id),
      agencyName(db, poll.agency),
      resultsOf(db, poll.id),
    ]);
    const done = (request.query as Record<string, unknown>).done;
    const question = locale === "ar" ? poll.questionAr : poll.questionEn;
    const errors = edit?.errors ?? [];
    const form =
      phase === "draft"
        ? { values: edit?.values ?? valuesOfPoll(poll, options), errors, agencies: await agencyChoices(request) }
        : undefined;
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title: question }) : question,
      breadcrumbs: [{ label: staffTitle(request), path: "/workspace/participation" }, { label: question }],
      body: (
        <StaffPollPage
          poll={poll}
          options={options}
          agency={agency[locale]}
          phase={phase}
          results={results}
          publicHref={localizePath(locale, participatePath("polls", poll.slug))}
          closeAction={localizePath(locale, `${staffPath("polls", poll.slug)}/close`)}
          editAction={localizePath(locale, staffPath("polls", poll.slug))}
          notice={notices.find((n) => n === done)}
          edit={form}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  }

  const afterward = (request: FastifyRequest, reply: FastifyReply, slug: string, done: StaffNotice) =>
    reply.redirect(`${localizePath(request.locale, staffPath("polls", slug))}?done=${done}`, 303);

  app.get("/workspace/participation/polls/new", guarded, async (request, reply) => {
    const agencies = await agencyChoices(request);
    return renderNew(request, reply, blankValues(agencies.map((a) => a.slug)), [], agencies);
  });

  function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    values: PollFormValues,
    errors: FieldError[],
    agencies: { slug: string; name: string }[],
  ) {
    const { tr, locale } = request;
    const title = tr.t("participation.polls.staff.newTitle");
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: staffTitle(request), path: "/workspace/participation" }, { label: title }],
      body: (
        <NewPollPage
          values={values}
          errors={errors}
          agencies={agencies}
          action={localizePath(locale, "/workspace/participation/polls/new")}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  }

  app.post("/workspace/participation/polls/new", guardedPost, async (request, reply) => {
    const agencies = await agencyChoices(request);
    const read = readPollForm(formBody(request.body), { agencies: agencies.map((a) => a.slug), now: new Date() });
    if (!read.poll || !read.options) return renderNew(request, reply, read.values, messages(request, read.problems), agencies);
    const { poll: input, options } = read;
    const action = input.status === "published" ? "poll.published" : "poll.created";
    const slug = await withAudit(
      db,
      (tx) => createPoll(tx, input, options, request.viewer?.id ?? ""),
      (made) => pollAudit(request, made, input.agency, action, null, input),
    );
    return afterward(request, reply, slug, read.poll.status === "published" ? "published" : "saved");
  });

  app.get("/workspace/participation/polls/:slug", guarded, async (request, reply) =>
    showPoll(request, reply, await ownPoll(request)),
  );

  app.post("/workspace/participation/polls/:slug", guardedPost, async (request, reply) => {
    const poll = await ownPoll(request);
    if (poll.status !== "draft") throw new ConflictError("participation.polls.staff.errors.notDraft");
    const agencies = (await agencyChoices(request)).map((a) => a.slug);
    const read = readPollForm(formBody(request.body), { agencies, now: new Date() });
    if (!read.poll || !read.options)
      return showPoll(request, reply, poll, { values: read.values, errors: messages(request, read.problems) });
    const { poll: input, options } = read;
    const action = input.status === "published" ? "poll.published" : "poll.edited";
    const changed = await withAudit(
      db,
      (tx) => updateDraft(tx, poll.id, input, options),
      (done) => (done ? pollAudit(request, poll.slug, poll.agency, action, poll, { ...poll, ...input }) : undefined),
    );
    if (!changed) throw new ConflictError("participation.polls.staff.errors.notDraft");
    return afterward(request, reply, poll.slug, read.poll.status === "published" ? "published" : "saved");
  });

  app.post("/workspace/participation/polls/:slug/close", guardedPost, async (request, reply) => {
    const poll = await ownPoll(request);
    const now = new Date();
    const closed =
      phaseOf(poll) === "open" &&
      (await withAudit(
        db,
        (tx) => closePoll(tx, poll.id, now),
        (done) =>
          done ? pollAudit(request, poll.slug, poll.agency, "poll.closed", poll, { ...poll, closedAt: now }) : undefined,
      ));
    if (!closed) throw new ConflictError("participation.polls.staff.errors.notOpen");
    return afterward(request, reply, poll.slug, "closed");
  });
}
