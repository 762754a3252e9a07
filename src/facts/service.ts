import { countRegisteredUsers } from "../accounts/service.js";
import { firstCountedDay, totalPageViews } from "../analytics/service.js";
import { countAgencies, countServices } from "../catalogue/service.js";
import { participationFigures } from "../participation/figures.js";
import type { Db } from "../platform/db/client.js";
import { transactionFigures } from "../statistics/figures.js";
import type { Facts } from "./views/FactsPage.js";

/** The portal's live figures, read from the database. */
export async function loadFacts(db: Db): Promise<Facts> {
  const [agencies, services, pageViews, countingSince, registeredUsers, participation, transactions] = await Promise.all([
    countAgencies(db),
    countServices(db),
    totalPageViews(db),
    firstCountedDay(db),
    countRegisteredUsers(db),
    participationFigures(db),
    transactionFigures(db),
  ]);
  return {
    agencies,
    services: services.total,
    fullyOnline: services.fullyOnline,
    online: services.online,
    pageViews,
    countingSince,
    registeredUsers,
    participation,
    transactions,
  };
}
