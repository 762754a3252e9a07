import { ServiceList } from "../../catalogue/components.js";
import type { ServiceSummary, Term } from "../../catalogue/service.js";
import { Reference } from "../../platform/design/Bidi.js";
import { Button } from "../../platform/design/Button.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { Checkboxes, Radios, Select, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { countries } from "../countries.js";
import { residencies } from "../model.js";
import { FormPage } from "./FormPage.js";

export interface DataAccessEntry {
  at: Date;
  agency: string | null;
  whoAr: string | null;
  whoEn: string | null;
  action: string;
  reference: string | null;
}

export interface DashboardData {
  name: string;
  emailConfirmed: boolean;
  saved: ServiceSummary[];
  recommended: ServiceSummary[];
  personaName?: string | undefined;
  dataAccess: DataAccessEntry[];
  /** Sections other capabilities fill in (requests, drafts, appointments, documents, payments, notifications). */
  sections: { key: string; content?: preact.ComponentChildren }[];
  notice?: string | undefined;
  /** Staff tools the person's roles open. */
  staffLinks?: { path: string; labelKey: string }[];
}

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section class="dashboard__section" aria-labelledby={`my-${id}`}>
      <h2 class="heading-m" id={`my-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** My Hukoomi: everything the person has with the government, in one place. */
export function DashboardPage({ data }: { data: DashboardData }) {
  const { t, href, csrfToken, locale } = usePage();
  return (
    <div class="dashboard">
      <h1 class="heading-xl">{t("accounts.my.title")}</h1>
      <p class="lead">{t("accounts.my.welcome", { name: data.name })}</p>
      {data.notice ? (
        <NotificationBanner variant="success">
          <p>{data.notice}</p>
        </NotificationBanner>
      ) : null}
      {!data.emailConfirmed ? (
        <NotificationBanner variant="warning">
          <p>{t("accounts.my.confirmEmail")}</p>
          <form method="post" action={href("/my/resend-email")}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <Button variant="secondary">{t("accounts.my.resendEmail")}</Button>
          </form>
        </NotificationBanner>
      ) : null}
      <nav class="chips" aria-label={t("accounts.my.settings")}>
        <ul class="chips__list">
          <li>
            <a class="chip" href={href("/my/profile")}>
              {t("accounts.profile.title")}
            </a>
          </li>
          <li>
            <a class="chip" href={href("/my/security")}>
              {t("accounts.security.title")}
            </a>
          </li>
          {(data.staffLinks ?? []).map((l) => (
            <li key={l.path}>
              <a class="chip" href={href(l.path)}>
                {t(l.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="dashboard__grid">
        {data.sections.map((s) => (
          <Section id={s.key} title={t(`accounts.my.sections.${s.key}.title`)} key={s.key}>
            {s.content ?? <p class="empty-state">{t(`accounts.my.sections.${s.key}.empty`)}</p>}
          </Section>
        ))}
      </div>
      <Section id="saved" title={t("accounts.my.saved.title")}>
        {data.saved.length ? <ServiceList services={data.saved} /> : <p class="empty-state">{t("accounts.my.saved.empty")}</p>}
      </Section>
      <Section
        id="recommended"
        title={
          data.personaName
            ? t("accounts.my.recommended.forPersona", { persona: data.personaName })
            : t("accounts.my.recommended.title")
        }
      >
        {data.recommended.length ? (
          <ServiceList services={data.recommended} />
        ) : (
          <p class="empty-state">{t("accounts.my.recommended.empty")}</p>
        )}
        {!data.personaName ? (
          <p>
            <a href={href("/my/profile")}>{t("accounts.my.recommended.choosePersona")}</a>
          </p>
        ) : null}
      </Section>
      <Section id="data-access" title={t("accounts.my.dataAccess.title")}>
        <p>{t("accounts.my.dataAccess.lead")}</p>
        {data.dataAccess.length ? (
          <Table
            caption={t("accounts.my.dataAccess.caption")}
            columns={[
              { label: t("accounts.my.dataAccess.when") },
              { label: t("accounts.my.dataAccess.who") },
              { label: t("accounts.my.dataAccess.what") },
            ]}
            rows={data.dataAccess.map((e) => [
              formatDateTime(e.at, locale),
              (locale === "en" ? e.whoEn : e.whoAr) ?? e.agency ?? t("accounts.my.dataAccess.portal"),
              <span key="what">
                {t(e.action)}
                {e.reference ? (
                  <>
                    {" ("}
                    <Reference>{e.reference}</Reference>)
                  </>
                ) : null}
              </span>,
            ])}
          />
        ) : (
          <p class="empty-state">{t("accounts.my.dataAccess.empty")}</p>
        )}
      </Section>
    </div>
  );
}

export type ProfileValues = Partial<Record<string, string | string[]>>;

/** The person's details, used to fill in forms and to write to them. */
export function ProfilePage({
  values,
  errors = [],
  personas,
  saved,
}: {
  values: ProfileValues;
  errors?: FieldError[];
  personas: Term[];
  saved?: boolean;
}) {
  const { t, href, locale } = usePage();
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const countryItems = countries(locale).map((c) => ({ value: c.code, label: c.name }));
  const notify = Array.isArray(values.notify) ? values.notify : values.notify ? [values.notify as string] : [];
  return (
    <FormPage
      title={t("accounts.profile.title")}
      lead={saved ? undefined : <p>{t("accounts.profile.lead")}</p>}
      action={href("/my/profile")}
      errors={errors}
      submit={t("accounts.profile.save")}
    >
      {saved ? (
        <NotificationBanner variant="success">
          <p>{t("accounts.profile.saved")}</p>
        </NotificationBanner>
      ) : null}
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("accounts.fields.identity")}</dt>
          <dd>
            <bdi dir="ltr">{str("identity")}</bdi>
          </dd>
        </div>
      </dl>
      <TextInput
        name="nameAr"
        label={t("accounts.fields.nameAr")}
        value={str("nameAr")}
        dir="rtl"
        error={errorFor(errors, "nameAr")}
      />
      <TextInput
        name="nameEn"
        label={t("accounts.fields.nameEn")}
        value={str("nameEn")}
        dir="ltr"
        error={errorFor(errors, "nameEn")}
      />
      <Select
        name="nationality"
        label={t("accounts.fields.nationality")}
        items={countryItems}
        value={str("nationality")}
        error={errorFor(errors, "nationality")}
      />
      <Radios
        name="residency"
        legend={t("accounts.fields.residency")}
        items={residencies.map((r) => ({ value: r, label: t(`accounts.residency.${r}`) }))}
        value={str("residency")}
        error={errorFor(errors, "residency")}
      />
      <Select
        name="persona"
        label={t("accounts.fields.persona")}
        hint={t("accounts.fields.personaHint")}
        items={[
          { value: "", label: t("accounts.fields.noPersona") },
          ...personas.map((p) => ({
            value: p.slug,
            label: p.parentName
              ? t("catalogue.persona.childLabel", { persona: p.parentName[locale], child: p.name[locale] })
              : p.name[locale],
          })),
        ]}
        value={str("persona")}
      />
      <TextInput
        name="phone"
        type="tel"
        label={t("accounts.fields.phone")}
        hint={t("accounts.profile.phoneHint")}
        value={str("phone")}
        dir="ltr"
        width="20"
        error={errorFor(errors, "phone")}
      />
      <TextInput
        name="email"
        type="email"
        label={t("accounts.fields.email")}
        hint={t("accounts.profile.emailHint")}
        value={str("email")}
        dir="ltr"
        error={errorFor(errors, "email")}
      />
      <Radios
        name="locale"
        legend={t("accounts.fields.locale")}
        inline
        items={[
          { value: "ar", label: t("accounts.fields.localeAr") },
          { value: "en", label: t("accounts.fields.localeEn") },
        ]}
        value={str("locale")}
        error={errorFor(errors, "locale")}
      />
      <Checkboxes
        name="notify"
        legend={t("accounts.fields.notify")}
        items={[
          { value: "email", label: t("accounts.fields.notifyEmail") },
          { value: "sms", label: t("accounts.fields.notifySms") },
        ]}
        value={notify}
      />
    </FormPage>
  );
}
