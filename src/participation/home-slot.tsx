import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { agencyName } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { keptUntilChange } from "../platform/db/versions.js";
import { localizePath } from "../platform/i18n/locales.js";
import { publishedItems } from "./listing.js";
import { ItemCard } from "./views/ParticipatePage.js";

const SHOWN = 3;

/**
 * The home page's participation slot: what closes soonest of what is open, and
 * the way to all of it; kept `keepMs` when nothing is published (items open and
 * close by the clock), 0 to read it for every view.
 */
export function participationSlot(db: Db, keepMs: number) {
  const openItems = keptUntilChange(
    db,
    async () => {
      const open = (await publishedItems(db)).filter((i) => i.phase === "open").slice(0, SHOWN);
      return Promise.all(open.map(async (item) => ({ item, agency: await agencyName(db, item.agency) })));
    },
    keepMs,
  );
  return async (request: FastifyRequest): Promise<ComponentChildren> => {
    const open = await openItems();
    if (!open.length) return undefined;
    const cards = open.map(({ item, agency }) => (
      <ItemCard item={item} agency={agency[request.locale]} key={`${item.kind}/${item.slug}`} />
    ));
    return (
      <>
        <div class="card-grid">{cards}</div>
        <p>
          <a href={localizePath(request.locale, "/participate")}>{request.tr.t("participation.all")}</a>
        </p>
      </>
    );
  };
}
