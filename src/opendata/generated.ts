import { monthlyPageViews } from "../analytics/service.js";
import { listAgencies, listServices } from "../catalogue/service.js";
import { optionsOf, phaseOf, publishedPolls, resultsOf } from "../participation/service.js";
import type { Db } from "../platform/db/client.js";
import { monthlyTransactionsByService } from "../statistics/service.js";
import type { DataTable } from "./model.js";

/**
 * The datasets the portal publishes about itself, built from live data each
 * time they are asked for (the routes cache them until the content changes).
 * A dataset row names its generator; these are the generators.
 */
export const generators = {
  /** Every service in the catalogue with its agency and how far it can be done online. */
  async services(db: Db): Promise<DataTable> {
    const rows: string[][] = [];
    for (let page = 1; ; page++) {
      const result = await listServices(db, { page, pageSize: 500, sort: "title", locale: "en" });
      for (const s of result.items)
        rows.push([s.slug, s.title.ar, s.title.en, s.agency.slug, s.agency.name.ar, s.agency.name.en, s.maturity]);
      if (page * 500 >= result.total) break;
    }
    return { columns: ["slug", "title_ar", "title_en", "agency", "agency_name_ar", "agency_name_en", "maturity"], rows };
  },

  /** The government agencies in the catalogue and how many services each offers. */
  async agencies(db: Db): Promise<DataTable> {
    const all = await listAgencies(db);
    return {
      columns: ["slug", "name_ar", "name_en", "type", "services"],
      rows: all.map((a) => [a.slug, a.name.ar, a.name.en, a.type, String(a.serviceCount)]),
    };
  },

  /** Completed e-transactions per month and service (online and through other channels). */
  async transactions(db: Db): Promise<DataTable> {
    const rows = await monthlyTransactionsByService(db);
    return {
      columns: ["month", "service", "service_title_ar", "service_title_en", "online", "other", "total"],
      rows: rows.map((r) => [
        r.month,
        r.serviceSlug,
        r.titleAr,
        r.titleEn,
        String(r.online),
        String(r.other),
        String(r.online + r.other),
      ]),
    };
  },

  /** The final results of closed polls: votes per option. */
  async polls(db: Db): Promise<DataTable> {
    const now = new Date();
    const rows: string[][] = [];
    for (const poll of await publishedPolls(db)) {
      if (phaseOf(poll, now) !== "closed") continue;
      const [options, results] = await Promise.all([optionsOf(db, poll.id), resultsOf(db, poll.id)]);
      const closed = (poll.closedAt ?? poll.closesAt).toISOString().slice(0, 10);
      for (const o of options)
        rows.push([
          poll.slug,
          poll.questionAr,
          poll.questionEn,
          closed,
          o.labelAr,
          o.labelEn,
          String(results.counts.get(o.id) ?? 0),
          String(results.voters),
        ]);
    }
    return {
      columns: ["poll", "question_ar", "question_en", "closed_on", "option_ar", "option_en", "votes", "voters"],
      rows,
    };
  },

  /** Page views of the portal per month and language (counted without cookies). */
  async "page-views"(db: Db): Promise<DataTable> {
    const rows = await monthlyPageViews(db);
    return { columns: ["month", "language", "views"], rows: rows.map((r) => [r.month, r.locale, String(r.views)]) };
  },
} satisfies Record<string, (db: Db) => Promise<DataTable>>;

export type GeneratorName = keyof typeof generators;
export const isGenerator = (name: string | null): name is GeneratorName => name !== null && name in generators;
