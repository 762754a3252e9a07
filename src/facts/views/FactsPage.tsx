import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { usePage } from "../../platform/layout/page-context.js";

export interface Facts {
  agencies: number;
  services: number;
  fullyOnline: number;
  online: number;
  pageViews: number;
  /** The first day page views were counted. */
  countingSince?: Date | undefined;
  /** Registered accounts, once accounts exist. */
  registeredUsers?: number | undefined;
}

function Figure({ value, label }: { value: string; label: preact.ComponentChildren }) {
  return (
    <div class="figure">
      <p class="figure__value">{value}</p>
      <p class="figure__label">{label}</p>
    </div>
  );
}

/** Facts and figures, read from the database each time the page is opened. */
export function FactsPage({ facts }: { facts: Facts }) {
  const { t, number } = usePage();
  const share = (part: number) => number(facts.services ? part / facts.services : 0, { style: "percent" });
  return (
    <div>
      <h1 class="heading-xl">{t("facts.title")}</h1>
      <p class="lead">{t("facts.lead")}</p>
      <div class="figures">
        <Figure value={number(facts.agencies)} label={t("facts.agencies")} />
        <Figure value={number(facts.services)} label={t("facts.services")} />
        <Figure value={number(facts.fullyOnline)} label={t("facts.fullyOnline", { share: share(facts.fullyOnline) })} />
        <Figure value={number(facts.online)} label={t("facts.online", { share: share(facts.online) })} />
        {facts.registeredUsers !== undefined ? (
          <Figure value={number(facts.registeredUsers)} label={t("facts.registeredUsers")} />
        ) : null}
        <Figure
          value={number(facts.pageViews)}
          label={
            facts.countingSince ? (
              <>
                {t("facts.pageViewsSince")} <DateDisplay date={facts.countingSince} />
              </>
            ) : (
              t("facts.pageViews")
            )
          }
        />
      </div>
      <p class="page-meta">{t("facts.live")}</p>
    </div>
  );
}
