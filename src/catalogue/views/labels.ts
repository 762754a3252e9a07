import type { Locale } from "../../platform/i18n/locales.js";
import type { AgencyType, Channel, Maturity } from "../model.js";
import type { Term } from "../types.js";

/** Catalogue keys of the fixed vocabularies' labels. */
export const maturityKey = (m: Maturity) =>
  ({
    information: "catalogue.maturity.information",
    "downloadable-form": "catalogue.maturity.downloadableForm",
    "partly-online": "catalogue.maturity.partlyOnline",
    "fully-online": "catalogue.maturity.fullyOnline",
  })[m];

export const maturityColour = (m: Maturity) =>
  (({ information: "grey", "downloadable-form": "yellow", "partly-online": "blue", "fully-online": "green" }) as const)[m];

export const channelKey = (c: Channel) => `catalogue.channels.${c}`;

export const agencyTypeKey = (t: AgencyType) =>
  ({
    ministry: "catalogue.agencyTypes.ministry",
    authority: "catalogue.agencyTypes.authority",
    council: "catalogue.agencyTypes.council",
    "public-company": "catalogue.agencyTypes.publicCompany",
    "private-provider": "catalogue.agencyTypes.privateProvider",
  })[t];

/** A persona's name where it stands alone: "Resident: Parent" for a sub-persona. */
export function personaName(term: Term, locale: Locale, t: (key: string, values?: Record<string, string>) => string): string {
  return term.parentName
    ? t("catalogue.persona.childLabel", { persona: term.parentName[locale], child: term.name[locale] })
    : term.name[locale];
}
