import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { phaseOf } from "../period.js";
import { findPoll, optionsOf, type Poll, publishedPolls, resultsOf, voterCounts } from "./repository.js";
import { resultsInApi } from "./rules.js";
import { slugParams } from "./schemas.js";

const bilingual = z.object({ ar: z.string(), en: z.string() });

const pollSummary = z.object({
  id: z.string(),
  agency: z.string(),
  kind: z.string(),
  question: bilingual,
  status: z.enum(["open", "closed", "scheduled"]),
  opensAt: z.string(),
  closesAt: z.string(),
  multiple: z.boolean(),
  audience: z.string(),
  /** How many people voted. */
  votes: z.number(),
});

const pollDetail = pollSummary.extend({
  description: bilingual,
  maxChoices: z.number().nullable(),
  showResults: z.string(),
  /** Whether the counts per option are given (closed polls, and open ones that show results after a vote). */
  results: z.boolean(),
  options: z.array(z.object({ id: z.string(), label: bilingual, votes: z.number().optional() })),
});

type Summary = z.infer<typeof pollSummary>;

function summary(poll: Poll, votes: number, now: Date): Summary {
  const phase = phaseOf(poll, now);
  return {
    id: poll.slug,
    agency: poll.agency,
    kind: poll.kind,
    question: { ar: poll.questionAr, en: poll.questionEn },
    status: phase === "draft" ? "scheduled" : phase,
    opensAt: poll.opensAt.toISOString(),
    closesAt: (poll.closedAt ?? poll.closesAt).toISOString(),
    multiple: poll.multiple,
    audience: poll.audience,
    votes,
  };
}

/** /api/v1/polls: the published polls and referendums in both languages; counts per option only once they are public. */
export async function pollApiRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/polls",
    { schema: { response: { 200: z.object({ total: z.number(), items: z.array(pollSummary) }) } } },
    async () => {
      const now = new Date();
      const all = await publishedPolls(db);
      const votes = await voterCounts(
        db,
        all.map((p) => p.id),
      );
      return { total: all.length, items: all.map((p) => summary(p, votes.get(p.id) ?? 0, now)) };
    },
  );

  api.get("/api/v1/polls/:slug", { schema: { response: { 200: pollDetail } } }, async (request) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const poll = await findPoll(db, slug);
    if (poll?.status !== "published") throw new NotFoundError();
    const now = new Date();
    const [options, results] = await Promise.all([optionsOf(db, poll.id), resultsOf(db, poll.id)]);
    const open = resultsInApi(poll, phaseOf(poll, now));
    return {
      ...summary(poll, results.voters, now),
      description: { ar: poll.descriptionAr, en: poll.descriptionEn },
      maxChoices: poll.maxChoices,
      showResults: poll.showResults,
      results: open,
      options: options.map((o) => ({
        id: o.id,
        label: { ar: o.labelAr, en: o.labelEn },
        ...(open ? { votes: results.counts.get(o.id) ?? 0 } : {}),
      })),
    };
  });
}
