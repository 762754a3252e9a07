import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { agencyName } from "../eservices/repository/agency-names.js";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { publishedItems } from "./listing.js";
import { ItemCard } from "./views/ParticipatePage.js";

const SHOWN = 3;

/** The home page's participation slot: what closes soonest of what is open, and the way to all of it. */
export function participationSlot(db: Db) {
  return async (request: FastifyRequest): Promise<ComponentChildren> => {
    const open = (await publishedItems(db)).filter((i) => i.phase === "open").slice(0, SHOWN);
    if (!open.length) return undefined;
    const cards = [];
    for (const item of open) {
      const agency = (await agencyName(db, item.agency))[request.locale];
      cards.push(<ItemCard item={item} agency={agency} key={`${item.kind}/${item.slug}`} />);
    }
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
