import { Chart } from "../../platform/design/Chart.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { StrategyMeasure } from "../strategy.js";

/** One measure: its figure, its target and, in words, whether it is met. */
function Measure({ m }: { m: StrategyMeasure }) {
  const { t, number } = usePage();
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  const signed = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const values = {
    value: m.value === undefined ? "" : m.kind === "share" ? percent(m.value) : signed(m.value),
    target: m.kind === "share" ? percent(m.target) : signed(m.target),
    part: number(m.part),
    whole: number(m.whole),
  };
  const status = m.met === undefined ? "unknown" : m.met ? "met" : "notMet";
  return (
    <section class="strategy-measure" aria-labelledby={`measure-${m.id}`}>
      <h2 class="heading-m" id={`measure-${m.id}`}>
        {t(`strategy.measures.${m.id}.title`)}
      </h2>
      <p class="strategy-measure__figure">
        <Tag colour={m.met === undefined ? "grey" : m.met ? "green" : "yellow"}>{t(`strategy.status.${status}`)}</Tag>{" "}
        {m.value === undefined ? null : <bdi class="strategy-measure__value">{values.value}</bdi>}
      </p>
      <p>
        {m.value === undefined
          ? t(`strategy.measures.${m.id}.noData`, values)
          : t(`strategy.measures.${m.id}.${m.met ? "met" : "notMet"}`, values)}
      </p>
      <p class="hint">{t(`strategy.measures.${m.id}.how`)}</p>
    </section>
  );
}

/** The strategy dashboard: each measure against its target, from the live data. */
export function StrategyPage({ measures }: { measures: StrategyMeasure[] }) {
  const { t, number, href } = usePage();
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  const met = measures.filter((m) => m.met === true).length;
  const shares = measures.filter((m) => m.kind === "share" && m.value !== undefined);
  return (
    <div>
      <h1 class="heading-xl">{t("strategy.title")}</h1>
      <p class="lead">{t("strategy.lead")}</p>
      <p>{t("strategy.summary", { met, total: measures.length })}</p>
      {shares.length ? (
        <Chart
          id="strategy-chart"
          kind="bar"
          title={t("strategy.chartTitle")}
          categories={shares.map((m) => t(`strategy.measures.${m.id}.title`))}
          categoryHeading={t("strategy.measure")}
          series={[{ name: t("strategy.share"), values: shares.map((m) => m.value ?? 0) }]}
          targets={shares.map((m) => m.target)}
          format={percent}
          max={1}
        />
      ) : null}
      {measures.map((m) => (
        <Measure key={m.id} m={m} />
      ))}
      <p>
        <a href={href("/facts")}>{t("strategy.factsLink")}</a>
      </p>
      <p class="page-meta">{t("strategy.live")}</p>
    </div>
  );
}
