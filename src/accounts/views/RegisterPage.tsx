import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { Radios, Select, TextInput } from "../../platform/design/fields.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { countries } from "../countries.js";
import { residencies } from "../model.js";
import { FormPage } from "./FormPage.js";
import { NewPasswordFields } from "./SignInPages.js";

export type RegistrationValues = Partial<Record<string, string>>;

/** Create a Hukoomi account: who you are, how to reach you, and a password. */
export function RegisterPage({ values = {}, errors = [] }: { values?: RegistrationValues; errors?: FieldError[] }) {
  const { t, href, locale } = usePage();
  const countryItems = [
    { value: "", label: t("accounts.fields.chooseCountry") },
    ...countries(locale).map((c) => ({ value: c.code, label: c.name })),
  ];
  return (
    <FormPage
      title={t("accounts.register.title")}
      lead={<p>{t("accounts.register.lead")}</p>}
      action={href("/register")}
      errors={errors}
      submit={t("accounts.register.submit")}
    >
      <input type="hidden" name="locale" value={locale} />
      <h2 class="heading-m">{t("accounts.register.identity")}</h2>
      {/* Only the chosen document's fields show (CSS :has on the checked radio); where :has is not supported both show, and the server reads only the chosen one. */}
      <div class="identity-choice">
        <Radios
          name="idType"
          legend={t("accounts.fields.idType")}
          items={[
            { value: "qid", label: t("accounts.fields.idTypeQid") },
            { value: "passport", label: t("accounts.fields.idTypePassport"), hint: t("accounts.fields.idTypePassportHint") },
          ]}
          value={values.idType ?? "qid"}
          error={errorFor(errors, "idType")}
        />
        <div class="identity-choice__qid">
          <TextInput
            name="qid"
            label={t("accounts.fields.qid")}
            hint={t("accounts.fields.qidHint")}
            value={values.qid}
            inputMode="numeric"
            width="20"
            dir="ltr"
            autocomplete="off"
            error={errorFor(errors, "qid")}
          />
        </div>
        <div class="identity-choice__passport">
          <TextInput
            name="passportNumber"
            label={t("accounts.fields.passportNumber")}
            hint={t("accounts.fields.passportHint")}
            value={values.passportNumber}
            width="20"
            dir="ltr"
            autocomplete="off"
            error={errorFor(errors, "passportNumber")}
          />
          <Select
            name="passportCountry"
            label={t("accounts.fields.passportCountry")}
            items={countryItems}
            value={values.passportCountry}
            error={errorFor(errors, "passportCountry")}
          />
        </div>
      </div>
      <TextInput
        name="nameAr"
        label={t("accounts.fields.nameAr")}
        value={values.nameAr}
        autocomplete="name"
        dir="rtl"
        error={errorFor(errors, "nameAr")}
      />
      <TextInput
        name="nameEn"
        label={t("accounts.fields.nameEn")}
        value={values.nameEn}
        autocomplete="name"
        dir="ltr"
        error={errorFor(errors, "nameEn")}
      />
      <Select
        name="nationality"
        label={t("accounts.fields.nationality")}
        items={countryItems}
        value={values.nationality}
        error={errorFor(errors, "nationality")}
      />
      <Radios
        name="residency"
        legend={t("accounts.fields.residency")}
        items={residencies.map((r) => ({ value: r, label: t(`accounts.residency.${r}`) }))}
        value={values.residency}
        error={errorFor(errors, "residency")}
      />
      <h2 class="heading-m">{t("accounts.register.contact")}</h2>
      <TextInput
        name="phone"
        type="tel"
        label={t("accounts.fields.phone")}
        hint={t("accounts.fields.phoneHint")}
        value={values.phone}
        autocomplete="tel"
        inputMode="tel"
        width="20"
        dir="ltr"
        error={errorFor(errors, "phone")}
      />
      <TextInput
        name="email"
        type="email"
        label={t("accounts.fields.email")}
        hint={t("accounts.fields.emailHint")}
        value={values.email}
        autocomplete="email"
        dir="ltr"
        spellcheck={false}
        error={errorFor(errors, "email")}
      />
      <h2 class="heading-m">{t("accounts.register.password")}</h2>
      <NewPasswordFields errors={errors} />
    </FormPage>
  );
}
