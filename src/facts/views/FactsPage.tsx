import type { ParticipationFigures } from "../../participation/figures.js";
import { Chart } from "../../platform/design/Chart.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { Table } from "../../platform/design/Table.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { TransactionFigures } from "../../statistics/figures.js";
import { monthName } from "./month-name.js";
import { Transactions } from "./Transactions.js";

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
  /** People taking part in polls, surveys and consultations. */
  participation?: ParticipationFigures | undefined;
  /** Completed e-transactions over the last twelve months. */
  transactions?: TransactionFigures | undefined;
}

/** Participation per month over the last year, and its growth against the strategy's target. */
function Participation({ figures }: { figures: ParticipationFigures }) {
  const { t, number, locale } = usePage();
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="participation-title">
      <h2 class="heading-l" id="participation-title">
        {t("facts.participation.title")}
      </h2>
      <p>
        {figures.growth === undefined
          ? t("facts.participation.noHistory", { target: percent(figures.target) })
          : t(figures.growth >= figures.target ? "facts.participation.onTarget" : "facts.participation.belowTarget", {
              growth: percent(figures.growth),
              target: percent(figures.target),
            })}
      </p>
      <Chart
        id="participation-chart"
        kind="line"
        title={t("facts.participation.chartTitle")}
        categories={figures.months.map((m) => monthName(m.month, locale))}
        categoryHeading={t("facts.participation.month")}
        series={[{ name: t("facts.participation.people"), values: figures.months.map((m) => m.participants) }]}
        table="none"
      />
      <Table
        caption={t("facts.participation.caption", { total: number(figures.lastYear) })}
        columns={[{ label: t("facts.participation.month") }, { label: t("facts.participation.people"), numeric: true }]}
        rows={figures.months.map((m) => [monthName(m.month, locale), number(m.participants)])}
      />
      <p class="hint">{t("facts.participation.how")}</p>
    </section>
  );
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
  const { t, number, href } = usePage();
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
      <p>
        <a href={href("/strategy")}>{t("facts.strategyLink")}</a>
      </p>
      {facts.transactions ? <Transactions figures={facts.transactions} /> : null}
      {facts.participation ? <Participation figures={facts.participation} /> : null}
      <p class="page-meta">{t("facts.live")}</p>
    </div>
  );
}
