import type { ComponentChildren } from "preact";
import { AddressInput } from "../../platform/design/AddressInput.js";
import { Breadcrumbs } from "../../platform/design/Breadcrumbs.js";
import { Button, ButtonGroup } from "../../platform/design/Button.js";
import { Card, CardGrid } from "../../platform/design/Card.js";
import { Chart } from "../../platform/design/Chart.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { DateInput } from "../../platform/design/DateInput.js";
import { DateTimeInput } from "../../platform/design/DateTimeInput.js";
import { ErrorSummary } from "../../platform/design/ErrorSummary.js";
import { FileUpload } from "../../platform/design/FileUpload.js";
import { Checkboxes, Radios, Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Pagination } from "../../platform/design/Pagination.js";
import { Panel } from "../../platform/design/Panel.js";
import { StartButton } from "../../platform/design/StartButton.js";
import { StepIndicator } from "../../platform/design/StepIndicator.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { formatMonth } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";

/** One component on the style guide: its name, when to use it, and its variants. */
function Example({ id, children }: { id: string; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <section class="ds-example" aria-labelledby={`ds-${id}`} id={`component-${id}`}>
      <h2 class="heading-l" id={`ds-${id}`}>
        {t(`designSystem.${id}.name`)}
      </h2>
      <p>{t(`designSystem.${id}.use`)}</p>
      <div class="ds-example__canvas">{children}</div>
    </section>
  );
}

const components = [
  "colours",
  "typography",
  "buttons",
  "startButton",
  "textInput",
  "textarea",
  "radios",
  "checkboxes",
  "select",
  "dateInput",
  "dateTimeInput",
  "addressInput",
  "fileUpload",
  "errorSummary",
  "breadcrumbs",
  "cards",
  "table",
  "chart",
  "tags",
  "banners",
  "pagination",
  "stepIndicator",
  "summaryList",
  "panel",
  "dates",
];

const swatches = [
  { name: "maroon", value: "#8A1538" },
  { name: "text", value: "#1B1B1F" },
  { name: "secondaryText", value: "#4A4A55" },
  { name: "surface", value: "#F4F4F6" },
  { name: "border", value: "#6E6E78" },
  { name: "focus", value: "#FFBF47" },
  { name: "error", value: "#B3261E" },
  { name: "success", value: "#0B6B3A" },
];

const chartMonths = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];

export function DesignSystemPage() {
  const { t, href, number, hijri, locale } = usePage();
  const month = (d: Date) => formatMonth(d, locale);
  const ex = (key: string, values?: Record<string, string | number>) => t(`designSystem.examples.${key}`, values);
  return (
    <div>
      <h1 class="heading-xl">{t("designSystem.title")}</h1>
      <p class="lead">{t("designSystem.lead")}</p>
      <nav class="ds-contents" aria-labelledby="ds-contents-title">
        <h2 class="heading-s" id="ds-contents-title">
          {t("designSystem.contents")}
        </h2>
        <ul class="list ds-contents__list">
          {components.map((c) => (
            <li key={c}>
              <a href={`#component-${c}`}>{t(`designSystem.${c}.name`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Example id="colours">
        <ul class="ds-swatches">
          {swatches.map((s) => (
            <li class="ds-swatch" key={s.name}>
              <span class={`ds-swatch__chip ds-swatch__chip--${s.name}`} aria-hidden="true" />
              <span>{t(`designSystem.colours.${s.name}`)}</span>
              <bdi class="ds-swatch__value" dir="ltr">
                {s.value}
              </bdi>
            </li>
          ))}
        </ul>
      </Example>

      <Example id="typography">
        <p class="heading-xl">{ex("headingXl")}</p>
        <p class="heading-l">{ex("headingL")}</p>
        <p class="heading-m">{ex("headingM")}</p>
        <p class="lead">{ex("lead")}</p>
        <p>{ex("body")}</p>
      </Example>

      <Example id="buttons">
        <ButtonGroup>
          <Button type="button">{ex("save")}</Button>
          <Button type="button" variant="secondary">
            {ex("saveDraft")}
          </Button>
          <Button type="button" variant="warning">
            {ex("delete")}
          </Button>
          <a class="link" href={href("/design-system")}>
            {ex("cancel")}
          </a>
        </ButtonGroup>
      </Example>

      <Example id="startButton">
        <StartButton href={href("/design-system#component-startButton")} />
      </Example>

      <Example id="textInput">
        <TextInput id="ds-name" name="ds-name" label={ex("nameLabel")} autocomplete="name" />
        <TextInput
          id="ds-qid"
          name="ds-qid"
          label={ex("qidLabel")}
          hint={ex("qidHint")}
          inputMode="numeric"
          width="20"
          dir="ltr"
        />
        <TextInput
          id="ds-email"
          name="ds-email"
          type="email"
          label={ex("emailLabel")}
          error={ex("emailError")}
          value={ex("emailValue")}
          dir="ltr"
        />
      </Example>

      <Example id="textarea">
        <Textarea id="ds-comment" name="ds-comment" label={ex("commentLabel")} hint={ex("commentHint")} maxLength={1200} />
      </Example>

      <Example id="radios">
        <Radios
          id="ds-persona"
          name="ds-persona"
          legend={ex("personaLegend")}
          items={[
            { value: "citizen", label: ex("citizen") },
            { value: "resident", label: ex("resident") },
            { value: "visitor", label: ex("visitor"), hint: ex("visitorHint") },
          ]}
          value="resident"
        />
        <Radios
          id="ds-yes-no"
          name="ds-yes-no"
          legend={ex("yesNoLegend")}
          inline
          items={[
            { value: "yes", label: ex("yes") },
            { value: "no", label: ex("no") },
          ]}
        />
      </Example>

      <Example id="checkboxes">
        <Checkboxes
          id="ds-channels"
          name="ds-channels"
          legend={ex("channelsLegend")}
          hint={ex("channelsHint")}
          items={[
            { value: "email", label: ex("channelEmail") },
            { value: "sms", label: ex("channelSms") },
          ]}
          value={["email"]}
        />
      </Example>

      <Example id="select">
        <Select
          id="ds-zone"
          name="ds-zone"
          label={ex("zoneLabel")}
          items={[1, 2, 3].map((n) => ({ value: String(n), label: ex("zoneOption", { number: n }) }))}
        />
      </Example>

      <Example id="dateInput">
        <DateInput
          name="ds-expiry"
          legend={ex("expiryLegend")}
          hint={ex("expiryHint")}
          value={{ day: "27", month: "3", year: "2027" }}
          hijri={hijri(new Date("2027-03-27T09:00:00Z"))}
        />
      </Example>

      <Example id="dateTimeInput">
        <DateTimeInput
          name="ds-opens"
          legend={ex("opensLegend")}
          dateHint={ex("opensHint")}
          timeLabel={ex("opensTimeLabel")}
          timeHint={ex("opensTimeHint")}
          values={{ "ds-opens-day": "1", "ds-opens-month": "2", "ds-opens-year": "2027", "ds-opens-time": "08:00" }}
        />
      </Example>

      <Example id="addressInput">
        <AddressInput name="ds-address" legend={ex("addressLegend")} />
      </Example>

      <Example id="fileUpload">
        <FileUpload
          name="ds-passport"
          label={ex("fileLabel")}
          hint={ex("fileHint")}
          accept="application/pdf,image/jpeg,image/png"
          uploaded={[{ id: "example", name: "passport.pdf", size: 182_000, href: "#component-fileUpload" }]}
        />
      </Example>

      <Example id="errorSummary">
        <ErrorSummary errors={[{ field: "ds-email", message: ex("emailError") }]} />
      </Example>

      <Example id="breadcrumbs">
        <Breadcrumbs trail={[{ label: ex("crumbAbout"), path: "/about" }, { label: ex("crumbHistory") }]} />
      </Example>

      <Example id="cards">
        <CardGrid>
          <Card
            title={ex("cardTitle")}
            description={ex("cardDescription")}
            href={href("/about")}
            meta={<Tag colour="green">{ex("tagOnline")}</Tag>}
          />
          <Card title={ex("cardTitle2")} description={ex("cardDescription2")} href={href("/about/history")} />
        </CardGrid>
      </Example>

      <Example id="table">
        <Table
          caption={ex("tableCaption")}
          firstCellIsHeader
          columns={[{ label: ex("tableMonth") }, { label: ex("tableTransactions"), numeric: true }]}
          rows={[
            [ex("tableSeptember"), number(361204)],
            [ex("tableOctober"), number(375880)],
          ]}
        />
      </Example>

      <Example id="chart">
        <Chart
          id="ds-line-chart"
          kind="line"
          title={ex("chartLineTitle")}
          categories={chartMonths.map((m) => month(new Date(`${m}-15T00:00:00Z`)))}
          categoryHeading={ex("chartMonth")}
          series={[
            { name: ex("chartCompleted"), values: [341020, 352310, 349870, 361204, 375880, 368400] },
            { name: ex("chartOnline"), values: [251300, 262050, 270110, 281900, 296420, 301250] },
          ]}
        />
        <Chart
          id="ds-bar-chart"
          kind="bar"
          title={ex("chartBarTitle")}
          categories={[ex("chartServicesOnline"), ex("chartTransactionsOnline")]}
          categoryHeading={ex("chartMeasure")}
          series={[{ name: ex("chartShare"), values: [0.709, 0.777] }]}
          targets={[1, 0.8]}
          max={1}
          format={(v) => number(v, { style: "percent", maximumFractionDigits: 1 })}
        />
      </Example>

      <Example id="tags">
        <p class="ds-tags">
          <Tag colour="green">{ex("tagOnline")}</Tag> <Tag colour="blue">{ex("tagPartly")}</Tag>{" "}
          <Tag colour="grey">{ex("tagInfo")}</Tag> <Tag colour="yellow">{ex("tagPending")}</Tag>{" "}
          <Tag colour="red">{ex("tagRejected")}</Tag> <Tag colour="maroon">{ex("tagNew")}</Tag>
        </p>
      </Example>

      <Example id="banners">
        <NotificationBanner variant="info">
          <p>{ex("bannerInfo")}</p>
        </NotificationBanner>
        <NotificationBanner variant="success">
          <p>{ex("bannerSuccess")}</p>
        </NotificationBanner>
        <NotificationBanner variant="warning">
          <p>{ex("bannerWarning")}</p>
        </NotificationBanner>
      </Example>

      <Example id="pagination">
        <Pagination page={3} pageCount={9} hrefFor={(p) => `${href("/design-system")}?page=${p}#component-pagination`} />
      </Example>

      <Example id="stepIndicator">
        <StepIndicator
          current={2}
          total={4}
          steps={[ex("stepApplicant"), ex("stepDetails"), ex("stepDocuments"), ex("stepCheck")]}
        />
      </Example>

      <Example id="summaryList">
        <SummaryList
          rows={[
            {
              key: ex("nameLabel"),
              value: ex("nameValue"),
              change: { href: "#ds-name", label: ex("change"), hiddenText: ex("nameLabel") },
            },
            {
              key: ex("qidLabel"),
              value: <span dir="ltr">{ex("qidValue")}</span>,
              change: { href: "#ds-qid", label: ex("change"), hiddenText: ex("qidLabel") },
            },
          ]}
        />
      </Example>

      <Example id="panel">
        <Panel title={ex("panelTitle")}>
          <p>{ex("panelReference")}</p>
          <p class="panel__reference" dir="ltr">
            {ex("referenceValue")}
          </p>
        </Panel>
      </Example>

      <Example id="dates">
        <p>
          <DateDisplay date={new Date("2026-11-22T09:00:00Z")} withHijri />
        </p>
      </Example>
    </div>
  );
}
