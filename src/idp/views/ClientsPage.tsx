import type { AgencySummary } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { IdpClient } from "../clients.js";

export interface ClientsPageProps {
  clients: IdpClient[];
  agencies: AgencySummary[];
  errors?: FieldError[];
  values?: Record<string, string>;
  /** The new client's credentials, shown once. */
  created?: { clientId: string; clientSecret: string } | undefined;
}

/** Administrators register agencies' portals and apps that sign people in with Hukoomi. */
export function ClientsPage({ clients, agencies, errors = [], values = {}, created }: ClientsPageProps) {
  const { t, href, locale, csrfToken } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("idp.clients.title")}</h1>
      <p class="lead">{t("idp.clients.lead")}</p>
      {created ? (
        <NotificationBanner variant="success" title={t("idp.clients.created")}>
          <p>{t("idp.clients.createdBody")}</p>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt>{t("idp.clients.clientId")}</dt>
              <dd>
                <bdi dir="ltr">
                  <code>{created.clientId}</code>
                </bdi>
              </dd>
            </div>
            <div class="summary-list__row">
              <dt>{t("idp.clients.clientSecret")}</dt>
              <dd>
                <bdi dir="ltr">
                  <code>{created.clientSecret}</code>
                </bdi>
              </dd>
            </div>
          </dl>
        </NotificationBanner>
      ) : null}
      <Table
        caption={t("idp.clients.caption")}
        columns={[{ label: t("idp.clients.name") }, { label: t("idp.clients.clientId") }, { label: t("idp.clients.redirects") }]}
        rows={clients.map((c) => [
          locale === "en" ? c.nameEn : c.nameAr,
          <bdi dir="ltr" key="id">
            {c.clientId}
          </bdi>,
          <bdi dir="ltr" key="uris">
            {c.redirectUris.join(" ")}
          </bdi>,
        ])}
      />
      <h2 class="heading-l">{t("idp.clients.register")}</h2>
      <form method="post" action={href("/admin/idp-clients")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TextInput
          name="nameAr"
          label={t("idp.clients.nameAr")}
          value={values.nameAr}
          dir="rtl"
          error={errorFor(errors, "nameAr")}
        />
        <TextInput
          name="nameEn"
          label={t("idp.clients.nameEn")}
          value={values.nameEn}
          dir="ltr"
          error={errorFor(errors, "nameEn")}
        />
        <Select
          name="agency"
          label={t("idp.clients.agency")}
          items={[
            { value: "", label: t("idp.clients.chooseAgency") },
            ...agencies.map((a) => ({ value: a.slug, label: a.name[locale] })),
          ]}
          value={values.agency}
          error={errorFor(errors, "agency")}
        />
        <Textarea
          name="redirectUris"
          label={t("idp.clients.redirects")}
          hint={t("idp.clients.redirectsHint")}
          value={values.redirectUris}
          rows={3}
          error={errorFor(errors, "redirectUris")}
        />
        <Textarea
          name="postLogoutRedirectUris"
          label={t("idp.clients.postLogout")}
          hint={t("idp.clients.postLogoutHint")}
          value={values.postLogoutRedirectUris}
          rows={2}
          error={errorFor(errors, "postLogoutRedirectUris")}
        />
        <TextInput
          name="backchannelLogoutUri"
          label={t("idp.clients.backchannel")}
          hint={t("idp.clients.backchannelHint")}
          value={values.backchannelLogoutUri}
          dir="ltr"
          spellcheck={false}
          error={errorFor(errors, "backchannelLogoutUri")}
        />
        <Button>{t("idp.clients.submit")}</Button>
      </form>
    </div>
  );
}
