import { Button } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { Tag } from "../../../platform/design/Tag.js";
import { errorFor } from "../../../platform/http/forms.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { participatePath, staffPath } from "../../listing.js";
import type { Phase } from "../../period.js";
import type { Consultation, Section } from "../repository.js";
import { RESPONSE_MAX_LENGTH } from "../schemas.js";
import { BilingualField } from "./BilingualField.js";

const K = "participation.consultations.staff";

export interface StaffConsultationPageProps {
  consultation: Consultation;
  sections: Section[];
  phase: Exclude<Phase, "draft">;
  agency: string;
  needingDecision: number;
  done?: string | undefined;
  response?: { values: { responseAr: string; responseEn: string }; errors: FieldError[] } | undefined;
}

/** A published consultation for its agency's staff: where it stands, moderation, closing early, and the response. */
export function StaffConsultationPage(props: StaffConsultationPageProps) {
  const { t, locale, href, csrfToken } = usePage();
  const { consultation: c, phase } = props;
  const base = href(staffPath("consultations", c.slug));
  const errors = props.response?.errors ?? [];
  const values = props.response?.values ?? { responseAr: c.responseAr ?? "", responseEn: c.responseEn ?? "" };
  return (
    <div>
      <ErrorSummary errors={errors} />
      {props.done ? (
        <NotificationBanner variant="success">
          <p class="notification-banner__heading">{t(`${K}.done.${props.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">{t("participation.kinds.consultations")}</span>
      <h1 class="heading-xl">{locale === "ar" ? c.titleAr : c.titleEn}</h1>
      <SummaryList
        rows={[
          { key: t(`${K}.agency`), value: props.agency },
          {
            key: t("participation.staff.phase"),
            value: <Tag colour={phase === "open" ? "green" : "grey"}>{t(`participation.phase.${phase}`)}</Tag>,
          },
          { key: t(`${K}.opensLegend`), value: formatDateTime(c.opensAt, locale) },
          { key: t(`${K}.closesLegend`), value: formatDateTime(c.closedAt ?? c.closesAt, locale) },
          { key: t(`${K}.sectionsTitle`), value: t(`${K}.sectionCount`, { count: props.sections.length }) },
        ]}
      />
      <ul class="list">
        {phase === "scheduled" ? null : (
          <li>
            <a href={href(participatePath("consultations", c.slug))}>{t(`${K}.viewPublic`)}</a>
          </li>
        )}
        <li>
          <a href={`${base}/moderation`}>{t(`${K}.moderate`, { count: props.needingDecision })}</a>
        </li>
      </ul>
      {phase === "closed" ? null : (
        <form method="post" action={`${base}/close`} class="section">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2 class="heading-m">{t(`${K}.closeTitle`)}</h2>
          <p>{t(`${K}.closeLead`)}</p>
          <Button variant="warning">{t(`${K}.close`)}</Button>
        </form>
      )}
      {phase === "closed" ? (
        <form method="post" action={`${base}/response`} class="section" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2 class="heading-l">{t(`${K}.responseTitle`)}</h2>
          <p>{t(c.respondedAt ? `${K}.responsePublished` : `${K}.responseLead`)}</p>
          <div class="two-columns">
            <BilingualField
              name="responseAr"
              lang="ar"
              label={t(`${K}.responseAr`)}
              hint={t(`${K}.responseHint`, { max: RESPONSE_MAX_LENGTH })}
              value={values.responseAr}
              error={errorFor(errors, "responseAr")}
              rows={12}
            />
            <BilingualField
              name="responseEn"
              lang="en"
              label={t(`${K}.responseEn`)}
              hint={t(`${K}.responseHint`, { max: RESPONSE_MAX_LENGTH })}
              value={values.responseEn}
              error={errorFor(errors, "responseEn")}
              rows={12}
            />
          </div>
          <Button>{t(c.respondedAt ? `${K}.updateResponse` : `${K}.publishResponse`)}</Button>
        </form>
      ) : null}
      <p>
        <a href={href("/workspace/participation")}>{t(`${K}.back`)}</a>
      </p>
    </div>
  );
}
