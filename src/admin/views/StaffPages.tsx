import type { RoleGrant } from "../../accounts/model.js";
import { staffRoles } from "../../accounts/model.js";
import type { StaffMember } from "../../accounts/service.js";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, TextInput } from "../../platform/design/fields.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { DoneBanner } from "./DoneBanner.js";

export type AgencyNames = Map<string, string>;

/** A role as people read it: "Editor — Ministry of Interior", or "Portal administrator". */
export function RoleLabel({ grant, agencies }: { grant: RoleGrant; agencies: AgencyNames }) {
  const { t } = usePage();
  const role = t(`admin.roles.${grant.role}`);
  return <>{grant.agency ? t("admin.staff.roleFor", { role, agency: agencies.get(grant.agency) ?? grant.agency }) : role}</>;
}

/** Finding a person by email, and everyone who holds a staff role. */
export function StaffListPage({
  staff,
  agencies,
  email,
  errors,
}: {
  staff: StaffMember[];
  agencies: AgencyNames;
  email: string;
  errors: FieldError[];
}) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("admin.staff.title")}</h1>
      <p class="lead">{t("admin.staff.lead")}</p>
      <form method="get" action={href("/admin/staff")} novalidate class="narrow" role="search" aria-label={t("admin.staff.find")}>
        <TextInput
          name="email"
          type="email"
          label={t("admin.staff.email")}
          hint={t("admin.staff.emailHint")}
          value={email}
          dir="ltr"
          autocomplete="off"
          spellcheck={false}
          error={errorFor(errors, "email")}
        />
        <Button variant="secondary">{t("admin.staff.find")}</Button>
      </form>
      <Table
        caption={t("admin.staff.caption")}
        firstCellIsHeader
        columns={[
          { label: t("admin.staff.name") },
          { label: t("admin.staff.email") },
          { label: t("admin.staff.roles") },
          { label: t("admin.actions") },
        ]}
        rows={staff.map((s) => [
          s.name[locale],
          <bdi dir="ltr" key="email">
            {s.email}
          </bdi>,
          <ul class="list" key="roles">
            {s.roles.map((r) => (
              <li key={`${r.role}-${r.agency ?? ""}`}>
                <RoleLabel grant={r} agencies={agencies} />
              </li>
            ))}
          </ul>,
          <a key="manage" href={href(`/admin/staff/${s.id}`)}>
            {t("admin.staff.manage")}
            <span class="visually-hidden"> {s.name[locale]}</span>
          </a>,
        ])}
      />
    </div>
  );
}

export interface PersonRolesProps {
  person: StaffMember & { disabled: boolean };
  agencies: { slug: string; name: string }[];
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}

/** One person's roles: take one away, or grant another. */
export function PersonRolesPage({ person, agencies, values, errors, done }: PersonRolesProps) {
  const { t, href, locale, csrfToken } = usePage();
  const names: AgencyNames = new Map(agencies.map((a) => [a.slug, a.name]));
  const base = `/admin/staff/${person.id}`;
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{person.name[locale]}</h1>
      <SummaryList
        rows={[
          { key: t("admin.staff.email"), value: <bdi dir="ltr">{person.email}</bdi> },
          { key: t("admin.staff.otherName"), value: person.name[locale === "ar" ? "en" : "ar"] },
        ]}
      />
      <h2 class="heading-l">{t("admin.staff.roles")}</h2>
      {person.roles.length ? (
        <Table
          caption={t("admin.staff.rolesCaption")}
          firstCellIsHeader
          columns={[{ label: t("admin.staff.role") }, { label: t("admin.actions") }]}
          rows={person.roles.map((r) => [
            <RoleLabel key="role" grant={r} agencies={names} />,
            <form key="revoke" method="post" action={href(`${base}/revoke`)} class="inline-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="role" value={r.role} />
              <input type="hidden" name="agency" value={r.agency ?? ""} />
              <button class="button button--warning" type="submit">
                {t("admin.staff.revoke")}
                <span class="visually-hidden">
                  {" "}
                  <RoleLabel grant={r} agencies={names} />
                </span>
              </button>
            </form>,
          ])}
        />
      ) : (
        <p>{t("admin.staff.noRoles")}</p>
      )}
      <h2 class="heading-l">{t("admin.staff.account.title")}</h2>
      <p>{t(person.disabled ? "admin.staff.account.isDisabled" : "admin.staff.account.isEnabled")}</p>
      <form method="post" action={href(`${base}/account`)} class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="state" value={person.disabled ? "enabled" : "disabled"} />
        {errorFor(errors, "state") ? (
          <p class="error-message" id="state">
            {errorFor(errors, "state")}
          </p>
        ) : null}
        <button class={person.disabled ? "button" : "button button--warning"} type="submit">
          {t(person.disabled ? "admin.staff.account.enable" : "admin.staff.account.disable")}
        </button>
      </form>
      <h2 class="heading-l">{t("admin.staff.grant")}</h2>
      <form method="post" action={href(`${base}/grant`)} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Select
          name="role"
          label={t("admin.staff.role")}
          items={[
            { value: "", label: t("admin.choose") },
            ...staffRoles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) })),
          ]}
          value={values.role}
          error={errorFor(errors, "role")}
        />
        <Select
          name="agency"
          label={t("admin.staff.agency")}
          hint={t("admin.staff.agencyHint")}
          items={[{ value: "", label: t("admin.staff.noAgency") }, ...agencies.map((a) => ({ value: a.slug, label: a.name }))]}
          value={values.agency}
          error={errorFor(errors, "agency")}
        />
        <Button>{t("admin.staff.grantButton")}</Button>
      </form>
    </div>
  );
}
