import { Button } from "../../../platform/design/Button.js";
import { ConfirmStep } from "../../../platform/design/ConfirmStep.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { TextInput } from "../../../platform/design/fields.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { Centre } from "../../repository.js";
import { deskPaths } from "../context.js";
import { DayName } from "./DayPages.js";

export interface CloseValues {
  day: string;
  reasonAr: string;
  reasonEn: string;
}

/** Closing a centre for a day: the day and the reason people are told, in both languages. */
export function ClosePage({ centre, values, errors }: { centre: Centre; values: CloseValues; errors: FieldError[] }) {
  const { t, href, locale, csrfToken } = usePage();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <p class="caption">{centre.name[locale]}</p>
      <h1 class="heading-xl">{t("centreStaff.close.heading")}</h1>
      <p class="lead">{t("centreStaff.close.lead")}</p>
      <form method="post" action={href(`${deskPaths.close(centre.slug)}/confirm`)} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TextInput
          name="day"
          label={t("centreStaff.close.day")}
          hint={t("centreStaff.day.pickHint")}
          value={values.day}
          width="10"
          inputMode="numeric"
          dir="ltr"
          error={errorOf("day")}
        />
        <div lang="ar" dir="rtl">
          <TextInput
            name="reasonAr"
            label={t("centreStaff.close.reasonAr")}
            value={values.reasonAr}
            dir="rtl"
            error={errorOf("reasonAr")}
          />
        </div>
        <div lang="en" dir="ltr">
          <TextInput
            name="reasonEn"
            label={t("centreStaff.close.reasonEn")}
            value={values.reasonEn}
            dir="ltr"
            error={errorOf("reasonEn")}
          />
        </div>
        <Button variant="warning">{t("centreStaff.close.continue")}</Button>
      </form>
    </div>
  );
}

/** The step before closing: how many visits it cancels, and that each person is told. */
export function CloseConfirmPage(p: { centre: Centre; day: string; values: CloseValues; count: number; title: string }) {
  const { t, href, locale, number } = usePage();
  return (
    <ConfirmStep
      title={p.title}
      warning={t("centreStaff.close.warning", { count: p.count, n: number(p.count) })}
      rows={[
        { key: t("centreStaff.checkIn.centre"), value: p.centre.name[locale] },
        { key: t("centreStaff.close.day"), value: <DayName day={p.day} /> },
        {
          key: t("centreStaff.close.reasonAr"),
          value: (
            <span lang="ar" dir="rtl">
              {p.values.reasonAr}
            </span>
          ),
        },
        {
          key: t("centreStaff.close.reasonEn"),
          value: (
            <span lang="en" dir="ltr">
              {p.values.reasonEn}
            </span>
          ),
        },
      ]}
      action={href(deskPaths.close(p.centre.slug))}
      fields={{ day: p.day, reasonAr: p.values.reasonAr, reasonEn: p.values.reasonEn }}
      confirmLabel={t("centreStaff.close.confirm")}
      cancelHref={href(deskPaths.day(p.centre.slug, p.day))}
      destructive
    />
  );
}
